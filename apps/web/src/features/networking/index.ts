export { SlbPanel } from './SlbPanel';
