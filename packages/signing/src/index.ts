export * from './aliyun-roa';
export * from './aliyun-rpc';
export * from './aliyun-v3';
export * from './huawei';
export * from './nonce-cache';
