export { ScalingRulesPanel } from './ScalingRulesPanel';
