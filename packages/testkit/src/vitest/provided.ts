declare module 'vitest' {
  export interface ProvidedContext {
    /** A tar of a migrated embedded database that every in-memory console database starts from. */
    embeddedDatabaseTemplate: string;
  }
}

export {};
