export * from './console-client';
export * from './stack';
