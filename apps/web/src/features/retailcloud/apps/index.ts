export { EnvOpsTab } from './EnvOpsTab';
