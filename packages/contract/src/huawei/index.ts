export * from './aos-routes';
export * from './as-routes';
export * from './as-schemas';
