// The Excel summary read back two ways (exceljs, and LibreOffice headless → CSV of 汇总) equals the library's own
// numbers: totals, grades, ranks, every item's points, the state; plus the sheet's frozen header, filter and formats.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName, Events, ImportSummary, JobProgress } from '../../src/shared/ipc/contract';
import { rank } from '../../src/shared/grading/ranking';
import { reportsOfYear } from '../../src/main/db/index';
import { openLibrary, type Library } from '../../src/main/services/library';
import { cli } from './cli-helper';

const root = join(import.meta.dirname, '..', '..');
const SEEDS = join(root, 'tests', 'fixtures', 'corpus', 'seeds');
const REAL = join(root, 'tests', 'fixtures', 'corpus', 'real');

let dir: string;
let lib: Library;
let out: string;
const progress: JobProgress[] = [];

interface Expected {
  id: number;
  organ: string | null;
  total: number;
  grade: string;
  rank: number;
  points: number[];
  confirmedAll: boolean;
}
let expected: Expected[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ri-xlsx-'));
  lib = openLibrary({
    dbPath: join(dir, 'lib.sqlite'),
    userName: '张评审',
    emit: <E extends EventName>(e: E, p: Events[E]) => void (e === 'job:progress' && progress.push(p as JobProgress)),
  });
  const started = await lib.wrapped['import:start']({
    paths: [SEEDS, join(REAL, '2024_fujian_pingtan_zhq.html'), join(REAL, '2025_fujian_pingtan_zhq.html')],
  });
  if (!started.ok) throw new Error(started.error.message);
  const summary = (await lib.queue.result(started.value.jobId)) as ImportSummary;
  expect(summary.imported.length).toBeGreaterThanOrEqual(6);
  // One report fully confirmed (one item changed, with its reason), one partly: the states differ.
  const ids = reportsOfYear(lib.db, 2025).map((r) => r.id);
  const [first, second] = ids;
  const view = lib.grading.view(first!);
  for (const it of view.assessment.items) {
    const points = it.id === 'A1' ? Math.max(0, it.suggested - 2) : it.suggested;
    lib.grading.decide(first!, it.id, points, points === it.suggested ? undefined : '发布日期核实为逾期');
  }
  const item = lib.grading.view(second!).assessment.items[0]!;
  lib.grading.decide(second!, item.id, item.suggested, undefined);

  const graded = ids.map((id) => ({ id, a: lib.grading.grade(id).assessment, organ: lib.grading.effectiveModel(id).organ }));
  const ranks = new Map(
    rank(
      graded.map((g) => ({
        reportId: g.id,
        organ: g.organ,
        year: 2025,
        total: g.a.total,
        max: g.a.max,
        grade: g.a.grade,
        state: g.a.state,
        mainDeductions: [],
      })),
    ).map((r) => [r.reportId, r.rank]),
  );
  expected = graded.map((g) => ({
    id: g.id,
    organ: g.organ,
    total: g.a.total,
    grade: g.a.grade,
    rank: ranks.get(g.id)!,
    points: g.a.items.map((i) => i.points),
    confirmedAll: g.a.confirmed === g.a.items.length,
  }));
  out = join(dir, '汇总 2025.xlsx');
  const r = await lib.wrapped['export:xlsx']({ year: 2025, path: out });
  if (!r.ok) throw new Error(r.error.message);
  expect(r.value).toEqual({ path: out, rows: ids.length });
}, 180_000);

afterAll(async () => {
  await lib.close();
  rmSync(dir, { recursive: true, force: true });
});

const cellValue = (v: ExcelJS.CellValue): unknown => (v !== null && typeof v === 'object' && 'result' in v ? v.result : v);

describe('export:xlsx', () => {
  it('汇总 has one row per report with the library’s totals, grades, ranks, item points and states', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '明细', '排名']);
    const ws = wb.getWorksheet('汇总')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    const items = lib.grading.activeChecklist().items;
    expect(header.slice(0, 5)).toEqual(['单位', '年度', '模板', '发布日期', '是否按时']);
    expect(header.slice(5, 5 + items.length)).toEqual(items.map((i) => `${i.id} ${i.title}(${i.max})`));
    expect(header.slice(5 + items.length)).toEqual(['总分', '等级', '排名', '状态', '报告编号']);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(ws.rowCount).toBe(expected.length + 1);
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const id = cellValue(row.getCell(col('报告编号')).value) as number;
      const e = expected.find((x) => x.id === id)!;
      expect(e, `row ${r}`).toBeDefined();
      expect(row.getCell(col('单位')).value).toBe(e.organ);
      expect(row.getCell(col('年度')).value).toBe(2025);
      expect(row.getCell(col('总分')).value).toBe(e.total);
      expect(row.getCell(col('总分')).numFmt).toBe('0.0');
      expect(row.getCell(col('等级')).value).toBe(e.grade);
      expect(row.getCell(col('排名')).value).toBe(e.rank);
      expect(['是', '否', '未知']).toContain(row.getCell(col('是否按时')).value);
      expect(items.map((_, i) => row.getCell(6 + i).value)).toEqual(e.points);
      expect(row.getCell(6).numFmt).toBe('0.0');
      const state = String(row.getCell(col('状态')).value);
      expect(state).toMatch(/^(未评分|评审中|已评分)/);
      expect(state.includes('含建议分')).toBe(!e.confirmedAll);
    }
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getColumn(1).width).toBeGreaterThan(20);
  });

  it('明细 lists every failed or warned check, 排名 the ranking with the main deductions', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const detail = wb.getWorksheet('明细')!;
    const findings = expected.flatMap((e) =>
      lib.grading.grade(e.id).graded.checks.filter((c) => c.status === 'fail' || c.status === 'warn'),
    );
    expect(detail.rowCount).toBe(findings.length + 1);
    expect((detail.getRow(1).values as unknown[]).slice(1)).toEqual(['单位', '年度', '检查项', '检查内容', '结果', '说明', '涉及单元格']);
    for (let r = 2; r <= detail.rowCount; r++) {
      expect(['不通过', '警告']).toContain(detail.getRow(r).getCell(5).value);
      expect(String(detail.getRow(r).getCell(3).value)).toMatch(/^[A-Z]{3}-\d\d$/);
    }
    const ranking = wb.getWorksheet('排名')!;
    const rows = [];
    for (let r = 2; r <= ranking.rowCount; r++) {
      const v = (ranking.getRow(r).values as unknown[]).slice(1);
      rows.push({ rank: v[1], organ: v[2], total: v[3], grade: v[4] });
    }
    const want = [...expected].sort((a, b) => a.rank - b.rank || a.id - b.id);
    expect(rows.map((r) => [r.rank, r.total, r.grade])).toEqual(want.map((e) => [e.rank, e.total, e.grade]));
    // The fully confirmed report lost points on A1 by the inspector's decision: its reason is the main deduction.
    expect(String(ranking.getRow(2).getCell(7).value ?? '') + String(ranking.getRow(3).getCell(7).value ?? '')).toMatch(/−/);
  });

  it('reports progress once per report and a done event', () => {
    const xlsx = progress.filter((p) => p.kind === 'xlsx');
    expect(xlsx.filter((p) => !p.done).map((p) => p.current)).toEqual(expected.map((_, i) => i + 1));
    expect(xlsx.at(-1)).toMatchObject({ done: true, current: expected.length, total: expected.length });
  });

  it('LibreOffice reads the same numbers (汇总 as CSV)', () => {
    const calc = existsSync('/usr/lib/libreoffice/program/libsclo.so') || process.platform !== 'linux';
    if (!calc) {
      console.warn('LibreOffice Calc (libreoffice-calc-nogui) is not installed: CSV read-back skipped');
      return;
    }
    const outDir = join(dir, 'csv');
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76',
        '--outdir',
        outDir,
        out,
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const file = readdirSync(outDir).find((f) => f.endsWith('.csv'));
    expect(file).toBeDefined();
    const rows = parseCsv(readFileSync(join(outDir, file!), 'utf8'));
    const header = rows[0]!;
    const at = (name: string) => header.indexOf(name);
    expect(rows.length - 1).toBe(expected.length);
    for (const row of rows.slice(1)) {
      const e = expected.find((x) => x.id === Number(row[at('报告编号')]))!;
      expect(e).toBeDefined();
      expect(row[at('单位')]).toBe(e.organ);
      expect(Number(row[at('总分')])).toBe(e.total);
      expect(row[at('总分')]).toMatch(/^\d+\.\d$/); // the "0.0" format survives
      expect(row[at('等级')]).toBe(e.grade);
      expect(Number(row[at('排名')])).toBe(e.rank);
      expect(row.slice(5, 5 + e.points.length).map(Number)).toEqual(e.points);
    }
  }, 150_000);

  it('the export command writes the same file and exits 0', async () => {
    const cliOut = join(dir, 'cli.xlsx');
    const r = await cli(['export', '--db', join(dir, 'lib.sqlite'), '--year', '2025', '--xlsx', cliOut]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`rows=${expected.length}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(cliOut);
    expect(wb.getWorksheet('汇总')!.rowCount).toBe(expected.length + 1);
    const bad = await cli(['export', '--db', join(dir, 'missing.sqlite'), '--xlsx', cliOut]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/找不到资料库/);
  });
});

/** RFC 4180 enough for LibreOffice's output: quoted fields with doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows.filter((r) => r.some((f) => f !== ''));
}
