export { MicroservicesPanel } from './MicroservicesPanel';
