export * from './aos-routes';
export * from './aos-schemas';
export * from './as-routes';
export * from './as-schemas';
