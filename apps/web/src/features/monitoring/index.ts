export { HealthPanel } from './HealthPanel';
export { MonitorPanel } from './MonitorPanel';
