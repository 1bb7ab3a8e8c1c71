export { JobsPanel } from './JobsPanel';
