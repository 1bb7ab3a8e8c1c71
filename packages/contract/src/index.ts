export * from './accounts';
export * from './applications';
export * from './audit';
export * from './common';
export * from './lifecycle';
export * from './rollouts';
export * from './routes';
export * from './session';
