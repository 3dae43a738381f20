// `list --db <file> [--year N] [--organ 单位] [--status S] [--text 查询]`: one line per report of a library.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { LibraryPage } from '../../shared/ipc/contract';
import { guardArg } from '../../shared/ipc/guards';
import { listLibrary, openDb } from '../../main/db/index';

const USAGE =
  '用法 usage: list --db <库文件> [--year N] [--organ 单位] [--status imported|needs-attention|graded] [--text 查询] [--limit N]\n';

const STATUS: Record<string, string> = { imported: '已导入', 'needs-attention': '待核对', graded: '已评分' };

export function formatPage(page: LibraryPage): string {
  const hits = new Map(page.hits.map((h) => [h.reportId, h.snippet]));
  const lines: string[] = [];
  for (const r of page.reports) {
    lines.push([`#${r.id}`, r.year ?? '年份未知', r.organ ?? '单位未知', STATUS[r.status] ?? r.status, r.format, r.fileName].join('\t'));
    const snippet = hits.get(r.id);
    if (snippet) lines.push(`\t${snippet.replace(/\s+/g, ' ')}`);
  }
  lines.push(`共 ${page.total} 份${page.total > page.reports.length ? `（显示 ${page.reports.length} 份）` : ''}`);
  return lines.join('\n') + '\n';
}

export async function runList(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        db: { type: 'string' },
        year: { type: 'string' },
        organ: { type: 'string' },
        status: { type: 'string' },
        text: { type: 'string' },
        limit: { type: 'string' },
      },
      strict: true,
    });
  } catch (e) {
    process.stderr.write(`参数错误 bad arguments: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  const v = args.values;
  if (!v.db) return (process.stderr.write(USAGE), 2);
  const dbPath = resolve(v.db);
  if (!existsSync(dbPath)) return (process.stderr.write(`找不到资料库文件 library not found: ${dbPath}\n`), 1);
  // The same guard as the app's channel, so the command line accepts exactly what the UI may ask.
  const query = guardArg('library:list', {
    ...(v.year !== undefined ? { year: Number(v.year) } : {}),
    ...(v.organ !== undefined ? { organ: v.organ } : {}),
    ...(v.status !== undefined ? { status: v.status } : {}),
    ...(v.text !== undefined ? { text: v.text } : {}),
    limit: v.limit !== undefined ? Number(v.limit) : 1000,
  });
  if (!query.ok) return (process.stderr.write(`${query.message}\n${USAGE}`), 2);
  let db;
  try {
    db = openDb(dbPath);
  } catch (e) {
    process.stderr.write(`无法打开资料库 cannot open library: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  try {
    process.stdout.write(formatPage(listLibrary(db, query.value)));
    return 0;
  } finally {
    db.close();
  }
}
