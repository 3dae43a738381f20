// `backup --db <file> [--to <path>]` and `restore <backup> --db <file>`: the library is one SQLite file; a backup is
// an online copy, a restore first checks that the file is one of our libraries.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backupDb, openDb, restoreDb, validateBackup } from '../../main/db/index';

function stamp(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

export async function runBackup(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { db: { type: 'string' }, to: { type: 'string' } }, strict: true });
  if (!values.db || !existsSync(values.db)) {
    process.stderr.write('用法 usage: backup --db <库文件> [--to <备份文件>]（库文件不存在 library not found）\n');
    return 2;
  }
  const target = resolve(values.to ?? join(dirname(values.db), 'backups', `library-${stamp()}.sqlite`));
  const db = openDb(values.db);
  try {
    const path = await backupDb(db, target);
    process.stdout.write(`已备份到 backed up to: ${path}\n`);
    return 0;
  } finally {
    db.close();
  }
}

export function runRestore(argv: string[]): number {
  const { values, positionals } = parseArgs({ args: argv, options: { db: { type: 'string' } }, allowPositionals: true, strict: true });
  const backup = positionals[0];
  if (!backup || !values.db) {
    process.stderr.write('用法 usage: restore <备份文件> --db <库文件>\n');
    return 2;
  }
  const problem = validateBackup(backup);
  if (problem) {
    process.stderr.write(`${backup}: ${problem} | not a usable backup\n`);
    return 1;
  }
  restoreDb(backup, values.db);
  process.stdout.write(`已从备份恢复 restored: ${values.db}\n`);
  return 0;
}
