export * from './aos-routes';
export * from './as-routes';
