export * from './sae';
