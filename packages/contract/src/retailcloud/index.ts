export * from './app-routes';
export * from './cluster-routes';
