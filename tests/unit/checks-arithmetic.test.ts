// ARI-01…11 on effective cells: one result per id, failures counted and named by their labels, uncertain never a fail.
import { describe, expect, it } from 'vitest';
import { arithmeticChecks } from '../../src/shared/checks/arithmetic';
import { buildContext } from '../../src/shared/checks/context';
import type { ParsedCell, ReportModel } from '../../src/shared/model/report';
import { SHAPE_2021, cellsOf } from '../../src/shared/template/catalog';

function report(set: Record<string, number | ParsedCell> = {}, organ = '某某镇人民政府'): ReportModel {
  const cells: Record<string, ParsedCell> = {};
  for (const d of cellsOf(SHAPE_2021)) cells[d.id] = { value: 0, state: 'number', raw: '0', source: null };
  for (const [id, v] of Object.entries(set))
    cells[id] = typeof v === 'number' ? { value: v, state: 'number', raw: String(v), source: null } : v;
  return {
    file: 'x.txt',
    format: 'txt',
    title: null,
    organ,
    year: 2024,
    template: 'v2021',
    publishedAt: null,
    sections: [],
    cells,
    problems: [],
  };
}

const run = (m: ReportModel) => new Map(arithmeticChecks(buildContext({ report: m })).map((r) => [r.id, r]));
const ambiguous: ParsedCell = { value: null, state: 'ambiguous', raw: '120010', source: null, note: '数字连写' };

describe('arithmetic checks', () => {
  it('returns ARI-01…11 once each, all passing on a consistent zero report', () => {
    const r = arithmeticChecks(buildContext({ report: report() }));
    expect(r.map((c) => c.id)).toEqual([
      'ARI-01',
      'ARI-02',
      'ARI-03',
      'ARI-04',
      'ARI-05',
      'ARI-06',
      'ARI-07',
      'ARI-08',
      'ARI-09',
      'ARI-10',
      'ARI-11',
    ]);
    expect(r.filter((c) => c.status === 'fail' || c.status === 'warn')).toEqual([]);
    expect(r.find((c) => c.id === 'ARI-11')!.status).toBe('info');
  });

  it('counts each failing column and row, naming rows by their printed labels', () => {
    const good = {
      't3/new/natural': 3,
      't3/new/total': 3,
      't3/granted/natural': 3,
      't3/granted/total': 3,
      't3/total/natural': 3,
      't3/total/total': 3,
    };
    expect([...run(report(good)).values()].filter((c) => c.status === 'fail')).toEqual([]);
    // One applicant carried over in the natural column but not in the row's total: R3 on that row, R1 on two columns.
    const r = run(report({ ...good, 't3/carried_out/natural': 1 }));
    expect(r.get('ARI-03')).toMatchObject({ status: 'fail', count: 1 });
    expect(r.get('ARI-03')!.message).toContain('结转下年度继续办理');
    expect(r.get('ARI-03')!.message).not.toContain('carried_out');
    expect(r.get('ARI-03')!.cells).toContain('t3/carried_out/total');
    expect(r.get('ARI-01')).toMatchObject({ status: 'fail', count: 1 });
    expect(r.get('ARI-01')!.message).toContain('自然人');
  });

  it('is uncertain, never failing, where a formula needs an ambiguous cell', () => {
    const r = run(report({ 't3/new/natural': ambiguous, 't3/new/total': 5 }));
    expect(r.get('ARI-01')!.status).toBe('fail'); // the total column fails on certain cells alone: 5 + 0 ≠ 0 + 0
    const r2 = run(report({ 't3/new/natural': ambiguous }));
    expect(r2.get('ARI-01')!.status).toBe('uncertain');
    expect(r2.get('ARI-03')!.status).toBe('uncertain');
    expect(r2.get('ARI-10')).toMatchObject({ status: 'info', cells: ['t3/new/natural'] });
    expect(r2.get('ARI-11')!.status).toBe('pass');
  });

  it('checks table 四 per group', () => {
    const r = run(report({ 't4/review/upheld': 1, 't4/lit_direct/total': 2 }));
    expect(r.get('ARI-04')).toMatchObject({ status: 'fail', count: 2 });
  });

  it('flags blanks, negative counts, 规章 of a township, and a fee in 元', () => {
    const blank: ParsedCell = { value: null, state: 'blank', raw: '', source: null };
    const r = run(
      report({
        't4/review/other': blank,
        't3/granted/org_other': -1,
        't2/regulations/issued': 1,
        't2/admin_fees/amount': { value: 25100, state: 'number', raw: '25100元', source: null, unit: '元' },
      }),
    );
    expect(r.get('ARI-06')).toMatchObject({ status: 'warn', count: 1 });
    expect(r.get('ARI-05')).toMatchObject({ status: 'fail', cells: ['t3/granted/org_other'] });
    expect(r.get('ARI-08')!.status).toBe('warn');
    expect(r.get('ARI-09')!.status).toBe('warn');
  });

  it('lets a city or district collect more than 10,000 万元', () => {
    const fee = { 't2/admin_fees/amount': 96171.6 };
    expect(run(report(fee, '淮安市人民政府')).get('ARI-09')!.status).toBe('pass');
    expect(run(report(fee, '某某镇人民政府')).get('ARI-09')!.status).toBe('warn');
  });

  it('does not apply without tables', () => {
    const m: ReportModel = { ...report(), template: 'unknown', cells: {} };
    expect([...run(m).values()].every((c) => c.status === 'na' || c.status === 'pass')).toBe(true);
  });
});
