export * from './aliyun-roa';
export * from './nonce-cache';
