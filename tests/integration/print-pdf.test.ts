// Sheets and the ranking printed through Debian's chromium (playwright-core) from a temporary library, checked with
// poppler: A4 pages, the unit, every item, the total, grade and signature lines in the text, each sheet numbering its
// own pages in a batch, the fallback path, cancel, and the `sheet` command. Pages are rendered to PNG for looking at.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportSummary, JobProgress, Result } from '../../src/shared/ipc/contract';
import { DEFAULT_CHECKLIST } from '../../src/shared/grading/default-checklist';
import { openLibrary, type Library } from '../../src/main/services/library';
import { ChromiumPrinter } from '../../src/main/print/chromium-printer';
import { printSheetsPdf } from '../../src/main/print/batch';
import { gatherSheets, selectReports } from '../../src/main/services/sheets';
import { runSheet } from '../../src/cli/commands/sheet';

const ROOT = join(import.meta.dirname, '..', '..');
const CORPUS = join(ROOT, 'tests', 'fixtures', 'corpus');
const PNG_DIR = join(ROOT, 'test-results', 'print');
const FILES = ['seeds/seed-000.txt', 'seeds/seed-002.txt', 'seeds/seed-004.txt', 'real/2025_fujian_pingtan_zhq.html'];

let dir: string;
let lib: Library;
const events: JobProgress[] = [];
const id: Record<string, number> = {};

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const pdfinfo = (file: string): string => execFileSync('pdfinfo', [file], { encoding: 'utf8' });
const text = (file: string, page?: number): string =>
  execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', file, '-'], { encoding: 'utf8' });
const squash = (s: string): string => s.replace(/\s+/g, '');
const pages = (file: string): number => Number(/Pages:\s+(\d+)/.exec(pdfinfo(file))?.[1]);

function expectA4(file: string): void {
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(pdfinfo(file))!;
  expect(Math.abs(Number(m[1]) - 595)).toBeLessThan(1.5);
  expect(Math.abs(Number(m[2]) - 842)).toBeLessThan(1.5);
}

/** 第 x 页 共 y 页 of every page, in order. */
function numbering(file: string): [number, number][] {
  return Array.from({ length: pages(file) }, (_, i) => {
    const m = /第(\d+)页共(\d+)页/.exec(squash(text(file, i + 1)));
    return m ? ([Number(m[1]), Number(m[2])] as [number, number]) : ([0, 0] as [number, number]);
  });
}

/** Runs of 1..y, one per sheet: the page numbers restart with each sheet. */
function sheetsIn(nums: [number, number][]): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < nums.length) {
    const y = nums[i]![1];
    for (let k = 1; k <= y; k++) expect(nums[i + k - 1]).toEqual([k, y]);
    out.push(y);
    i += y;
  }
  return out;
}

function png(file: string, name: string): void {
  mkdirSync(PNG_DIR, { recursive: true });
  execFileSync('pdftoppm', ['-r', '60', '-png', file, join(PNG_DIR, name)]);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ri-print-'));
  const src = join(dir, 'in');
  mkdirSync(src);
  for (const f of FILES) copyFileSync(join(CORPUS, f), join(src, f.split('/').pop()!));
  lib = openLibrary({
    dbPath: join(dir, 'lib.sqlite'),
    userName: '李评审',
    printer: new ChromiumPrinter(),
    emit: (e, p) => e === 'job:progress' && events.push(p as JobProgress),
  });
  const started = ok(await lib.wrapped['import:start']({ paths: [src] }));
  const summary = (await lib.queue.result(started.jobId)) as ImportSummary;
  for (const i of summary.imported) id[i.file.split(/[\\/]/).pop()!] = i.reportId;
  expect(Object.keys(id)).toHaveLength(4);
}, 120_000);

afterAll(async () => {
  await lib.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('printing through chromium', () => {
  it('prints one sheet: A4, the unit, every item, the total, the grade and the signature lines', async () => {
    const reportId = id['seed-004.txt']!;
    ok(await lib.wrapped['grade:decide']({ reportId, itemId: 'A1', points: 10 }));
    ok(await lib.wrapped['grade:comment']({ reportId, itemId: null, text: '报告要素齐全，数据基本准确。' }));
    const out = join(dir, 'one.pdf');
    const r = ok(await lib.wrapped['print:pdf']({ reportIds: [reportId], what: 'sheets', path: out }));
    expect(r.pages).toBe(pages(out));
    expectA4(out);
    const t = squash(text(out));
    const view = ok(await lib.wrapped['grade:get']({ reportId }));
    expect(t).toContain('政府信息公开工作年度报告评分表');
    expect(t).toContain('溆浦县低庄镇人民政府');
    for (const item of DEFAULT_CHECKLIST.items) expect(t).toContain(squash(item.title).slice(0, 8));
    expect(t).toContain(`总分${view.assessment.total}`);
    expect(t).toContain(`等级${view.assessment.grade}`);
    expect(t).toContain('评审人：');
    expect(t).toContain('复核人：');
    expect(t).toContain('未经确认的建议分');
    expect(t).toContain('报告要素齐全，数据基本准确。');
    expect(t.match(/建议\d/g)?.length).toBe(DEFAULT_CHECKLIST.items.length - 1);
    sheetsIn(numbering(out));
    png(out, 'sheet-seed-004');
    const done = events.filter((e) => e.done);
    expect(done[done.length - 1]?.label).toContain('已导出');
  });

  it('prints a year as one PDF, one sheet per report, each numbering its own pages', async () => {
    const out = join(dir, 'year.pdf');
    const r = ok(await lib.wrapped['print:pdf']({ year: 2025, order: 'unit', what: 'sheets', path: out }));
    expectA4(out);
    const runs = sheetsIn(numbering(out));
    expect(runs).toHaveLength(4);
    expect(runs.reduce((a, b) => a + b)).toBe(r.pages);
    const t = squash(text(out));
    for (const unit of ['勐拉镇', '平潭综合实验区', '石柱土家族自治县西沱镇人民政府', '溆浦县低庄镇人民政府'])
      expect(t).toContain(`单位${unit}`);
    const progress = events.filter((e) => e.kind === 'sheets' && /正在汇总：/.test(e.label ?? ''));
    expect(progress.length).toBeGreaterThanOrEqual(4);
    png(out, 'year-2025');
  });

  it('falls back to printing sheets one by one with the same pages and numbering', async () => {
    const ctx = { db: lib.db, queue: lib.queue, grading: lib.grading, emit: () => {} };
    const sheets = await gatherSheets(ctx, selectReports(ctx, { year: 2025 }), 'ranking');
    const printer = new ChromiumPrinter({ concurrency: 2 });
    try {
      const fast = await printSheetsPdf(printer, sheets);
      const slow = await printSheetsPdf(printer, sheets, { oneByOne: true });
      expect(fast.how).toBe('batch');
      expect(slow.how).toBe('one-by-one');
      const out = join(dir, 'slow.pdf');
      execFileSync('sh', ['-c', 'cat > "$0"', out], { input: slow.bytes });
      expect(pages(out)).toBe(slow.pages);
      expectA4(out);
      expect(sheetsIn(numbering(out))).toHaveLength(4);
      png(out, 'one-by-one');
    } finally {
      await printer.close();
    }
  });

  it('prints the ranking with its small-sample note', async () => {
    const rk = ok(await lib.wrapped['ranking:get']({ year: 2025 }));
    expect(rk.rows).toHaveLength(4);
    expect(rk.smallSample).toBe(true);
    expect(rk.rows[0]!.total).toBeGreaterThanOrEqual(rk.rows[3]!.total);
    const out = join(dir, 'ranking.pdf');
    ok(await lib.wrapped['print:pdf']({ year: 2025, what: 'ranking', path: out }));
    expectA4(out);
    const t = squash(text(out));
    for (const w of ['政府信息公开工作年度报告评审排名', '排名', '主要扣分', '样本偏少', '溆浦县低庄镇人民政府', '制表人：'])
      expect(t).toContain(w);
    png(out, 'ranking-2025');
  });

  it('previews HTML, refuses the dialog outside Electron, and cancels a job', async () => {
    const html = ok(await lib.wrapped['print:preview']({ year: 2025, what: 'sheets' })).html;
    expect(html.match(/<h1>/g)).toHaveLength(4);
    const dialog = await lib.wrapped['print:dialog']({ year: 2025, what: 'sheets' });
    expect(dialog.ok ? '' : dialog.error.message).toContain('桌面程序');
    const cancelled: string[] = [];
    const local = openLibrary({
      dbPath: join(dir, 'lib.sqlite'),
      printer: new ChromiumPrinter(),
      emit: (e, p) => {
        const j = p as JobProgress;
        if (e === 'job:progress' && j.current === 1 && !cancelled.includes(j.jobId)) {
          cancelled.push(j.jobId);
          void local.wrapped['job:cancel']({ jobId: j.jobId });
        }
      },
    });
    try {
      const r = await local.wrapped['print:pdf']({ year: 2025, what: 'sheets', path: join(dir, 'never.pdf') });
      expect(r.ok ? 'ok' : r.error.kind).toBe('cancelled');
    } finally {
      await local.close();
    }
  });

  it('`sheet` prints a file outside the library with every point as 建议', async () => {
    const out = join(dir, 'cli.pdf');
    expect(await runSheet([join(CORPUS, 'seeds', 'seed-004.txt'), '--pdf', out])).toBe(0);
    expectA4(out);
    const t = squash(text(out));
    expect(t).toContain('溆浦县低庄镇人民政府');
    expect(t.match(/建议\d/g)?.length).toBe(DEFAULT_CHECKLIST.items.length);
    expect(t).toContain('未经确认的建议分');
  });
});
