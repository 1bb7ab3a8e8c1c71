export * from './huawei-aos';
export * from './huawei-as';
export * from './retailcloud';
export * from './sae';
export * from './sae-2019';
export * from './sae-responses';
