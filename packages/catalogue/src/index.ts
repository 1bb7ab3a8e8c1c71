export * from './sae';
export * from './sae-responses';
export * from './sae-2019';
