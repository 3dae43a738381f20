// The arithmetic checks of domain.md §6.3 (ARI-01..04): every identity of tables 三 and 四 on the parsed cells.
// A formula with an ambiguous or missing cell is 'uncertain', never 'fail'.
import type { CheckResult, ParsedCell } from '../model/report';
import { T3_COLUMNS, T4_COLUMNS, T4_GROUPS, cellId } from '../template/catalog';

type Cells = Record<string, ParsedCell>;

const T3_RESULT = /^t3\/(granted|partial|denied\.[^/]+|unable\.[^/]+|not_processed\.[^/]+|other(\.[^/]+)?)\//;

/** The value of a cell for arithmetic: blank and dash count as 0 (flagged by ARI-06); unknown cells make the formula uncertain. */
function num(cells: Cells, id: string): number | undefined {
  const c = cells[id];
  if (!c) return undefined;
  if (c.state === 'number') return c.value ?? undefined;
  if (c.state === 'blank' || c.state === 'dash') return 0;
  return undefined;
}

function check(id: string, ok: boolean | undefined, cellIds: string[], what: string, detail: string): CheckResult {
  if (ok === undefined) return { id, status: 'uncertain', message: `${what}：有无法确定的单元格，未判断`, cells: cellIds };
  return { id, status: ok ? 'pass' : 'fail', message: ok ? `${what}：成立` : `${what}：不成立（${detail}）`, cells: cellIds };
}

function sum(cells: Cells, ids: string[]): number | undefined {
  let s = 0;
  for (const id of ids) {
    const v = num(cells, id);
    if (v === undefined) return undefined;
    s += v;
  }
  return s;
}

const same = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : Math.abs(a - b) < 1e-9);

export function arithmeticChecks(cells: Cells): CheckResult[] {
  if (!cells['t3/new/total']) return [];
  const out: CheckResult[] = [];
  const t3Ids = Object.keys(cells).filter((id) => id.startsWith('t3/'));
  for (const col of T3_COLUMNS) {
    const c = (row: string) => cellId('t3', row, col.id);
    const left = sum(cells, [c('new'), c('carried_in')]);
    const right = sum(cells, [c('total'), c('carried_out')]);
    out.push(
      check(
        'ARI-01',
        same(left, right),
        [c('new'), c('carried_in'), c('total'), c('carried_out')],
        `表三「${col.labels[0]}」列：新收+上年结转=总计+结转下年`,
        `${left} ≠ ${right}`,
      ),
    );
    const results = t3Ids.filter((id) => T3_RESULT.test(id) && id.endsWith(`/${col.id}`));
    const parts = sum(cells, results);
    const total = num(cells, c('total'));
    out.push(
      check(
        'ARI-02',
        same(parts, total),
        [...results, c('total')],
        `表三「${col.labels[0]}」列：各办理结果之和=总计`,
        `${parts} ≠ ${total}`,
      ),
    );
  }
  const rows = [...new Set(t3Ids.map((id) => id.split('/')[1]!))];
  for (const row of rows) {
    const applicants = T3_COLUMNS.slice(0, 6).map((col) => cellId('t3', row, col.id));
    const parts = sum(cells, applicants);
    const total = num(cells, cellId('t3', row, 'total'));
    out.push(
      check(
        'ARI-03',
        same(parts, total),
        [...applicants, cellId('t3', row, 'total')],
        `表三「${row}」行：各类申请人之和=总计`,
        `${parts} ≠ ${total}`,
      ),
    );
  }
  for (const g of T4_GROUPS) {
    const parts = T4_COLUMNS.slice(0, 4).map((col) => cellId('t4', g.id, col.id));
    const s = sum(cells, parts);
    const total = num(cells, cellId('t4', g.id, 'total'));
    out.push(
      check(
        'ARI-04',
        same(s, total),
        [...parts, cellId('t4', g.id, 'total')],
        `表四「${g.label}」：维持+纠正+其他+未审结=总计`,
        `${s} ≠ ${total}`,
      ),
    );
  }
  return out;
}
