export { MonitorPanel } from './MonitorPanel';
