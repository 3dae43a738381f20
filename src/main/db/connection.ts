// Opens the library database: pragmas, native binding choice, and the migrations that bring it to the current schema.
import Database from 'better-sqlite3';
import { MIGRATIONS, LATEST_VERSION } from './migrations/index';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to an Electron-ABI build of better_sqlite3.node; Node's own resolution when absent. */
  nativeBinding?: string;
  /** Open without creating or migrating (used to validate a backup). */
  readonly?: boolean;
  /** Stop at this schema version (tests of a migration's upgrade path). */
  targetVersion?: number;
}

/** Thrown when a database was written by a newer version of the app: opening it could corrupt data. */
export class FutureSchemaError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(`数据库版本（${found}）高于本程序支持的版本（${known}），请升级程序后再打开。`);
    this.name = 'FutureSchemaError';
  }
}

export function openDb(path: string, options: OpenOptions = {}): Db {
  const db = new Database(path, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    const version = schemaVersion(db);
    if (version > LATEST_VERSION) throw new FutureSchemaError(version, LATEST_VERSION);
    if (!options.readonly) migrate(db, options.targetVersion ?? LATEST_VERSION);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

export function schemaVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** Applies every pending migration in one transaction: either the schema reaches the target, or nothing changes. */
export function migrate(db: Db, target: number = LATEST_VERSION): number {
  const from = schemaVersion(db);
  const pending = MIGRATIONS.filter((m) => m.version > from && m.version <= target);
  if (pending.length === 0) return from;
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      // user_version cannot be bound as a parameter; the number comes from our own list.
      db.pragma(`user_version = ${Math.trunc(m.version)}`);
    }
  })();
  return schemaVersion(db);
}

const STATEMENTS = new WeakMap<Db, Map<string, Database.Statement>>();

/** A prepared statement, compiled once per connection: grading a library runs the same few queries thousands of times. */
export function stmt(db: Db, sql: string): Database.Statement {
  let cache = STATEMENTS.get(db);
  if (!cache) STATEMENTS.set(db, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = db.prepare(sql)));
  return s;
}
