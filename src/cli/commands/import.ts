// `import <paths…> --db <file>`: imports files and folders into a library; one progress line per file on stderr, the summary on stdout.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportProgress, ImportSummary } from '../../shared/ipc/contract';
import { openDb } from '../../main/db/index';
import { ImportQueue } from '../../main/import/queue';

const USAGE = '用法 usage: import <文件或文件夹…> --db <库文件> [--reparse] [--workers N]\n';

const OUTCOME: Record<NonNullable<ImportProgress['outcome']>, string> = {
  imported: '已导入',
  duplicate: '已在库中',
  failed: '失败',
  skipped: '跳过',
};

export function progressLine(p: ImportProgress): string | undefined {
  if (!p.outcome || !p.file) return undefined;
  const why = p.reason ? `：${p.reason}` : '';
  return `[${p.current}/${p.total}] ${OUTCOME[p.outcome]} ${p.file}${why}`;
}

export function summaryText(s: ImportSummary): string {
  const lines = [
    `导入${s.cancelled ? '已取消' : '完成'}：新导入 ${s.imported.length} 份，已在库中 ${s.duplicates.length} 份，失败 ${s.failed.length} 份，跳过 ${s.skipped.length} 个。`,
  ];
  if (s.failed.length > 0) lines.push('失败：', ...s.failed.map((f) => `  ${f.file}：${f.reason}`));
  if (s.skipped.length > 0) lines.push('跳过：', ...s.skipped.map((f) => `  ${f.file}：${f.reason}`));
  lines.push(`imported=${s.imported.length} duplicates=${s.duplicates.length} failed=${s.failed.length} skipped=${s.skipped.length}`);
  return lines.join('\n') + '\n';
}

export async function runImport(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: { db: { type: 'string' }, reparse: { type: 'boolean' }, workers: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    process.stderr.write(`参数错误 bad arguments: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  const dbPath = args.values.db;
  if (!dbPath || args.positionals.length === 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  let db;
  try {
    db = openDb(resolve(dbPath));
  } catch (e) {
    process.stderr.write(`无法打开资料库 cannot open library: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  const workers = Number(args.values.workers ?? 2);
  const queue = new ImportQueue({ db, workers: Number.isInteger(workers) && workers > 0 ? workers : 2 });
  queue.subscribe((e) => {
    if (e.type !== 'progress') return;
    const line = progressLine(e.payload);
    if (line) process.stderr.write(line + '\n');
  });
  const jobId = queue.start(
    args.positionals.map((p) => resolve(p)),
    { reparse: args.values.reparse === true },
  );
  // Ctrl-C stops between files: whatever was imported stays whole.
  const onInt = () => queue.cancel(jobId);
  process.once('SIGINT', onInt);
  try {
    const summary = await (queue.result(jobId) as Promise<ImportSummary>);
    process.stdout.write(summaryText(summary));
    return summary.imported.length + summary.duplicates.length > 0 ? 0 : 1;
  } finally {
    process.off('SIGINT', onInt);
    await queue.close();
    db.close();
  }
}
