export * from './app-routes';
export * from './app-schemas';
export * from './cluster-routes';
export * from './cluster-schemas';
