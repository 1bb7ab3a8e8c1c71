export * from './retailcloud';
export * from './sae';
export * from './sae-2019';
export * from './sae-responses';
