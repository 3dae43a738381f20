// `export --db <library> [--year Y | --ids 1,2] [--order unit|ranking] --xlsx <out.xlsx>`: the county's Excel summary
// (汇总, 明细, 排名) through the same channel as the app; progress on stderr, a summary line on stdout.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { JobProgress } from '../../shared/ipc/contract';
import { listReportIds } from '../../main/db/index';
import { openLibrary, type Library } from '../../main/services/library';

const USAGE = '用法 usage: export --db <库文件> [--year N | --ids 1,2,3] [--order unit|ranking] --xlsx <汇总表.xlsx>\n';

/** "1,2, 3" → [1, 2, 3]; anything else → undefined. */
export function parseIds(s: string): number[] | undefined {
  const ids = s
    .split(/[,，\s]+/)
    .filter(Boolean)
    .map(Number);
  return ids.length > 0 && ids.every((n) => Number.isInteger(n) && n > 0) ? ids : undefined;
}

/** One stderr line per finished report; the end (and a failure, printed as the command's result) prints nothing. */
export function progressLine(p: JobProgress): string | undefined {
  if (p.done || p.error) return undefined;
  return `[${p.current}/${p.total}] ${p.label ?? ''}`.trimEnd();
}

/** Opens the library, printing job progress on stderr. Only an import may create it: an export never does. */
export function openForJob(db: string, options: { create?: boolean } = {}): Library | string {
  const dbPath = resolve(db);
  if (!options.create && !existsSync(dbPath)) return `找不到资料库文件 library not found: ${dbPath}`;
  try {
    return openLibrary({
      dbPath,
      emit: (event, payload) => {
        if (event !== 'job:progress') return;
        const line = progressLine(payload as JobProgress);
        if (line) process.stderr.write(line + '\n');
      },
    });
  } catch (e) {
    return `无法打开资料库 cannot open library: ${e instanceof Error ? e.message : String(e)}`;
  }
}

export async function runExport(argv: string[]): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        db: { type: 'string' },
        year: { type: 'string' },
        ids: { type: 'string' },
        order: { type: 'string' },
        xlsx: { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (e) {
    process.stderr.write(`参数错误 bad arguments: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  if (!values.db || !values.xlsx) return (process.stderr.write(USAGE), 2);
  const ids = values.ids !== undefined ? parseIds(values.ids) : undefined;
  if (values.ids !== undefined && !ids) return (process.stderr.write(`报告编号应写成 1,2,3\n${USAGE}`), 2);
  const lib = openForJob(values.db);
  if (typeof lib === 'string') return (process.stderr.write(lib + '\n'), 1);
  try {
    // Neither ids nor a year: the whole library, each year ranked on its own.
    const chosen = ids ?? (values.year === undefined ? listReportIds(lib.db) : undefined);
    const r = await lib.wrapped['export:xlsx']({
      ...(chosen ? { reportIds: chosen } : {}),
      ...(values.year !== undefined ? { year: Number(values.year) } : {}),
      ...(values.order !== undefined ? { order: values.order } : {}),
      path: resolve(values.xlsx),
    });
    if (!r.ok) return (process.stderr.write(`${r.error.message}\n`), 1);
    process.stdout.write(`已导出 Excel 汇总表：${r.value.rows} 份报告 → ${r.value.path}\nrows=${r.value.rows} path=${r.value.path}\n`);
    return 0;
  } finally {
    await lib.close();
  }
}
