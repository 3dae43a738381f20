// Online backup of the library and restore of a backup, which is validated as one of our databases first.
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { openDb, schemaVersion, FutureSchemaError, type Db, type OpenOptions } from './connection';

const REQUIRED_TABLES = ['units', 'reports', 'originals', 'sections', 'cells', 'corrections', 'problems'];

/** Copies the live database (WAL included) to a new file with SQLite's online backup; the app keeps working meanwhile. */
export async function backupDb(db: Db, target: string): Promise<string> {
  if (existsSync(target)) throw new Error(`备份文件已存在，不会覆盖：${target}`);
  mkdirSync(dirname(target), { recursive: true });
  await db.backup(target);
  return target;
}

/** Why a file cannot be restored, in Chinese; undefined when it is a healthy library of a version we know. */
export function validateBackup(path: string, options: Pick<OpenOptions, 'nativeBinding'> = {}): string | undefined {
  if (!existsSync(path)) return `找不到备份文件：${path}`;
  let db: Db | undefined;
  try {
    db = openDb(path, { ...options, readonly: true });
    const version = schemaVersion(db);
    if (version < 10) return '该文件不是本程序的资料库（没有版本信息）。';
    const names = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name),
    );
    const missing = REQUIRED_TABLES.filter((t) => !names.has(t));
    if (missing.length > 0) return `该文件不是本程序的资料库（缺少表：${missing.join('、')}）。`;
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') return `备份文件已损坏：${String(check)}`;
    return undefined;
  } catch (e) {
    if (e instanceof FutureSchemaError) return e.message;
    return `无法打开备份文件（不是 SQLite 数据库或已损坏）。`;
  } finally {
    db?.close();
  }
}

/**
 * Replaces the library file with a backup. The caller must have closed its connection to `dbPath`.
 * The stale WAL and shared-memory files are removed so they are not replayed over the restored data.
 * The restored file is migrated to the current schema on the next open.
 */
export function restoreDb(backupPath: string, dbPath: string, options: Pick<OpenOptions, 'nativeBinding'> = {}): void {
  const problem = validateBackup(backupPath, options);
  if (problem) throw new Error(problem);
  for (const suffix of ['-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
  copyFileSync(backupPath, dbPath);
}
