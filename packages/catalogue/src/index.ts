export * from './sae';
export * from './sae-2019';
