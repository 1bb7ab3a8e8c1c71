export { type Bff, createBff, SESSION_COOKIE } from './app';
export * from './config';
export { demoUsers } from './demo';
export { type RunningBff, startBff } from './server';
