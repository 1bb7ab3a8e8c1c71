export { AppRollouts } from './AppRollouts';
export { RolloutTable } from './RolloutTable';
