export { AppRollouts } from './AppRollouts';
