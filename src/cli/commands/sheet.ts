// `sheet <file> [grade options] --pdf <out.pdf>`, `sheets --db <library> [--year Y] [--order ranking|unit] --pdf <out.pdf>`
// and `ranking --db <library> --year Y [--pdf <out.pdf>]` (contract.md §6): the A4 sheets and the ranking printed by
// Debian's chromium through playwright-core, the same pages the app prints.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { assess, GRADING_STATE_LABEL } from '../../shared/grading/assessment';
import { gradeOf } from '../../shared/grading/checklist';
import type { JobProgress } from '../../shared/ipc/contract';
import { rankingHtml } from '../../shared/print/ranking-html';
import type { SheetData } from '../../shared/print/types';
import { printSheetsPdf } from '../../main/print/batch';
import { ChromiumPrinter } from '../../main/print/chromium-printer';
import { pageCount } from '../../main/print/pdf-merge';
import { openLibrary } from '../../main/services/library';
import { gatherSheets, rankingOf, selectReports } from '../../main/services/sheets';
import { gradeFile, parseGradeArgs } from './grade';
import * as repo from '../../main/db/index';
import { toAppError } from '../../main/services/errors';

/** Takes `--flag value` out of argv; '' when the flag is there without a value. */
function take(argv: string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  if (i < 0) return undefined;
  const v = argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--') ? argv[i + 1]! : '';
  argv.splice(i, v ? 2 : 1);
  return v;
}

const fail = (message: string, code = 2): number => {
  process.stderr.write(`${message}\n`);
  return code;
};

export async function runSheet(argv: string[]): Promise<number> {
  const rest = [...argv];
  const pdf = take(rest, '--pdf');
  if (!pdf)
    return fail(
      '用法 usage: sheet <文件 file> [--previous <上年报告>] [--peers <…>] [--checklist <评分表.json>] [--received <YYYY-MM-DD>] --pdf <输出.pdf>',
    );
  const a = parseGradeArgs(rest);
  if (typeof a === 'string') return fail(a);
  const got = await gradeFile(a);
  if ('error' in got) return fail(got.error, got.code);
  const m = got.model;
  // A file outside the library has no decisions: every point prints as 建议.
  const assessment = assess(got.graded.sheet, [], [], (t) => gradeOf(got.checklist, t));
  const data: SheetData = {
    organ: m.organ,
    year: m.year,
    template: m.template,
    publishedAt: m.publishedAt ?? a.received ?? null,
    publishedSource: m.publishedAt ? 'document' : a.received ? 'inspector' : 'unknown',
    reviewedAt: null,
    fileName: m.file,
    checklist: { ref: got.graded.sheet.checklist, name: got.checklist.name, groups: got.checklist.groups },
    assessment,
  };
  const printer = new ChromiumPrinter({ concurrency: 1 });
  try {
    const r = await printSheetsPdf(printer, [data]);
    await writeFile(pdf, r.bytes);
    process.stderr.write(`${pdf}: ${r.pages} 页 pages\n`);
    return 0;
  } finally {
    await printer.close();
  }
}

function progressLine(p: JobProgress): void {
  if (p.error) process.stderr.write(`\n${p.error}\n`);
  else process.stderr.write(`\r[${p.current}/${p.total}] ${p.label ?? ''}\u001b[K${p.done ? '\n' : ''}`);
}

interface LibraryArgs {
  db: string;
  year?: number;
  order: 'ranking' | 'unit';
  pdf?: string;
}

function libraryArgs(argv: string[], usage: string): LibraryArgs | string {
  const rest = [...argv];
  const db = take(rest, '--db');
  const year = take(rest, '--year');
  const order = take(rest, '--order') ?? 'ranking';
  const pdf = take(rest, '--pdf');
  if (!db) return `缺少 --db\n${usage}`;
  if (year !== undefined && !/^\d{4}$/.test(year)) return `--year 须为四位年份: ${year}`;
  if (order !== 'ranking' && order !== 'unit') return `--order 须为 ranking 或 unit: ${order}`;
  if (pdf === '') return `--pdf 缺少文件名\n${usage}`;
  if (rest.length > 0) return `多余的参数 unexpected argument: ${rest[0]}\n${usage}`;
  return { db, order, ...(year ? { year: Number(year) } : {}), ...(pdf ? { pdf: resolve(pdf) } : {}) };
}

const SHEETS_USAGE = '用法 usage: sheets --db <库文件> [--year Y] [--order ranking|unit] --pdf <输出.pdf>';

export async function runSheets(argv: string[]): Promise<number> {
  const a = libraryArgs(argv, SHEETS_USAGE);
  if (typeof a === 'string') return fail(a);
  if (!a.pdf) return fail(SHEETS_USAGE);
  const lib = openLibrary({
    dbPath: a.db,
    printer: new ChromiumPrinter(),
    emit: (e, p) => e === 'job:progress' && progressLine(p as JobProgress),
  });
  try {
    const year = a.year ?? repo.listYears(lib.db)[0];
    if (year === undefined) return fail('库中没有带年度的报告 | no reports with a year in the library', 1);
    if (a.year === undefined) process.stderr.write(`未指定 --year，打印最近的年度 ${year} | printing the latest year\n`);
    const r = await lib.wrapped['print:pdf']({ year, order: a.order, what: 'sheets', path: a.pdf });
    if (!r.ok) return fail(r.error.message, 1);
    process.stderr.write(`${r.value.path}: ${r.value.pages} 页 pages\n`);
    return 0;
  } finally {
    await lib.close();
  }
}

export async function runRanking(argv: string[]): Promise<number> {
  const usage = '用法 usage: ranking --db <库文件> --year Y [--pdf <输出.pdf>]';
  const a = libraryArgs(argv, usage);
  if (typeof a === 'string') return fail(a);
  if (a.year === undefined) return fail(usage);
  const printer = a.pdf ? new ChromiumPrinter({ concurrency: 1 }) : undefined;
  const lib = openLibrary({ dbPath: a.db, ...(printer ? { printer } : {}) });
  try {
    const ctx = { db: lib.db, queue: lib.queue, grading: lib.grading, emit: () => {} };
    const ranking = rankingOf(await gatherSheets(ctx, selectReports(ctx, { year: a.year }), 'ranking'), a.year);
    for (const r of ranking.rows) {
      process.stdout.write(
        `${r.rank}\t${r.organ ?? '（未识别单位）'}\t${r.total}\t${r.grade}\t${GRADING_STATE_LABEL[r.state]}\t${r.mainDeductions.join('；')}\n`,
      );
    }
    if (ranking.smallSample) process.stderr.write(`样本偏少：仅 ${ranking.rows.length} 个单位 | small sample\n`);
    if (printer && a.pdf) {
      const bytes = await printer.pdf(rankingHtml(ranking));
      await writeFile(a.pdf, bytes);
      process.stderr.write(`${a.pdf}: ${pageCount(bytes)} 页 pages\n`);
    }
    return 0;
  } catch (e) {
    return fail(toAppError(e).message, 1);
  } finally {
    await lib.close();
  }
}
