// The database layer's public surface: the only module tree that imports better-sqlite3 or contains SQL.
export { openDb, migrate, schemaVersion, FutureSchemaError, type Db, type OpenOptions } from './connection';
export { LATEST_VERSION, MIGRATIONS } from './migrations/index';
export * from './reports-repo';
export * from './cells-repo';
export * from './library-repo';
export * from './backup';
export * from './grading-repo';
export * from './package-repo';
