export * from './console-client';
export * from './event-stream';
export * from './postgres';
export * from './stack';
