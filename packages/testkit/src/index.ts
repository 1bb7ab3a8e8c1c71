export * from './console-client';
export * from './postgres';
export * from './stack';
