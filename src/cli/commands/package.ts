// `package export --db <library> [--year Y | --ids 1,2] --out <file.ripkg>` and `package import <file.ripkg> --db
// <library>`: review packages between inspectors, through the same channels as the app; the summary and every conflict
// on stdout.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { PackageImportSummary } from '../../shared/ipc/contract';
import { listReportIds } from '../../main/db/index';
import { openForJob, parseIds } from './export';

const USAGE = `用法 usage:
  package export --db <库文件> [--year N | --ids 1,2,3] --out <交接包.ripkg>
  package import <交接包.ripkg> --db <库文件>
`;

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

export function importSummaryText(s: PackageImportSummary): string {
  const lines = [
    `交接包已导入：新增报告 ${s.added} 份，已在库中并合并 ${s.merged} 份，追加记录 ${s.appended} 条，评分冲突 ${s.conflicts.length} 处。`,
  ];
  if (s.conflicts.length > 0) {
    lines.push('评分冲突（两边的评分都已保留，本库的评分仍然有效，请复核后重新确认）：');
    for (const c of s.conflicts)
      lines.push(`  #${c.reportId} ${c.organ ?? '单位未知'} ${c.itemId}：本库 ${fmt(c.here)} 分，${c.thereBy} ${fmt(c.there)} 分`);
  }
  lines.push(`added=${s.added} merged=${s.merged} appended=${s.appended} conflicts=${s.conflicts.length}`);
  return lines.join('\n') + '\n';
}

export async function runPackage(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: { db: { type: 'string' }, year: { type: 'string' }, ids: { type: 'string' }, out: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    process.stderr.write(`参数错误 bad arguments: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const isExport = sub === 'export' && values.out !== undefined && positionals.length === 0;
  const isImport = sub === 'import' && positionals.length === 1 && values.out === undefined;
  if (!values.db || (!isExport && !isImport)) return (process.stderr.write(USAGE), 2);
  const ids = values.ids !== undefined ? parseIds(values.ids) : undefined;
  if (values.ids !== undefined && !ids) return (process.stderr.write(`报告编号应写成 1,2,3\n${USAGE}`), 2);
  const lib = openForJob(values.db, { create: isImport });
  if (typeof lib === 'string') return (process.stderr.write(lib + '\n'), 1);
  try {
    if (isExport) {
      const chosen = ids ?? (values.year === undefined ? listReportIds(lib.db) : undefined);
      const r = await lib.wrapped['package:export']({
        ...(chosen ? { reportIds: chosen } : {}),
        ...(values.year !== undefined ? { year: Number(values.year) } : {}),
        path: resolve(values.out!),
      });
      if (!r.ok) return (process.stderr.write(`${r.error.message}\n`), 1);
      process.stdout.write(`已导出交接包：${r.value.reports} 份报告 → ${r.value.path}\nreports=${r.value.reports} path=${r.value.path}\n`);
      return 0;
    }
    const r = await lib.wrapped['package:import']({ path: resolve(positionals[0]!) });
    if (!r.ok) return (process.stderr.write(`${r.error.message}\n`), 1);
    process.stdout.write(importSummaryText(r.value));
    return 0;
  } finally {
    await lib.close();
  }
}
