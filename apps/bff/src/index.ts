export { type Bff, createBff, SESSION_COOKIE } from './app';
export * from './config';
export { type RunningBff, startBff } from './server';
