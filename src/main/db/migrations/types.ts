// The shape of one numbered schema migration.
import type Database from 'better-sqlite3';

export interface Migration {
  /** Written to PRAGMA user_version once applied: 10, 20, 30… */
  version: number;
  name: string;
  up(db: Database.Database): void;
}
