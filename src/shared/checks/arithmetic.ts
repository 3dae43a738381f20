// The arithmetic checks of domain.md §6.3 (ARI-01…11) on the effective cells: one result per id, each naming the
// formulas that fail with their numbers. A formula with an ambiguous or missing cell is 'uncertain', never 'fail'.
import type { ParsedCell } from '../model/report';
import { T3_COLUMNS, T3_V2019, T3_V2021, T4_COLUMNS, T4_GROUPS, cellId } from '../template/catalog';
import { num, result, type EvalContext } from './context';
import type { CheckResult } from './types';

type Cells = Record<string, ParsedCell>;

/** One identity evaluated: holds, fails (with its numbers) or cannot be decided. */
interface Formula {
  ok: boolean | undefined;
  cells: string[];
  text: string;
}

const T3_LABELS = new Map([...T3_V2021, ...T3_V2019].map((r) => [r.id, r.label]));
const RESULT_ROW = /^(granted|partial|denied\.|unable\.|not_processed\.|other)/;

function sum(cells: Cells, ids: string[]): number | undefined {
  let s = 0;
  for (const id of ids) {
    const v = num(cells, id);
    if (v === undefined) return undefined;
    s += v;
  }
  return s;
}

const fmt = (n: number | undefined) => (n === undefined ? '?' : String(Math.round(n * 10000) / 10000));

function formula(cells: Cells, left: string[], right: string[], label: string): Formula {
  const l = sum(cells, left);
  const r = sum(cells, right);
  const ok = l === undefined || r === undefined ? undefined : Math.abs(l - r) < 1e-9;
  return { ok, cells: [...left, ...right], text: `${label}：${fmt(l)} ≠ ${fmt(r)}` };
}

/** Folds the formulas of one check into its single result. */
function fold(id: string, what: string, formulas: Formula[]): CheckResult {
  if (formulas.length === 0) return result(id, 'na', `${what}：报告中没有这张表`);
  const failed = formulas.filter((f) => f.ok === false);
  const unknown = formulas.filter((f) => f.ok === undefined);
  if (failed.length > 0) {
    return result(id, 'fail', `${what}不成立 ${failed.length} 处：${failed.map((f) => f.text).join('；')}`, {
      cells: [...new Set(failed.flatMap((f) => f.cells))],
      count: failed.length,
    });
  }
  if (unknown.length > 0) {
    return result(id, 'uncertain', `${what}：${unknown.length} 处含无法确定的单元格，未判断`, {
      cells: [...new Set(unknown.flatMap((f) => f.cells))],
    });
  }
  return result(id, 'pass', `${what}：全部成立（${formulas.length} 处）`);
}

function t3Rows(cells: Cells): string[] {
  const rows: string[] = [];
  for (const id of Object.keys(cells)) {
    if (!id.startsWith('t3/') || !id.endsWith('/total')) continue;
    rows.push(id.split('/')[1]!);
  }
  const order = [...T3_V2021, ...T3_V2019].map((r) => r.id);
  return rows.sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

function ari01(cells: Cells, has3: boolean): CheckResult {
  const fs = has3
    ? T3_COLUMNS.map((col) => {
        const c = (row: string) => cellId('t3', row, col.id);
        return formula(
          cells,
          [c('new'), c('carried_in')],
          [c('total'), c('carried_out')],
          `「${col.labels[0]}」列 新收+上年结转 与 总计+结转下年`,
        );
      })
    : [];
  return fold('ARI-01', '表三列勾稽（一+二=三+四）', fs);
}

function ari02(cells: Cells, rows: string[], has3: boolean): CheckResult {
  const results = rows.filter((r) => RESULT_ROW.test(r));
  const fs = has3
    ? T3_COLUMNS.map((col) =>
        formula(
          cells,
          results.map((r) => cellId('t3', r, col.id)),
          [cellId('t3', 'total', col.id)],
          `「${col.labels[0]}」列 各办理结果之和 与（七）总计`,
        ),
      )
    : [];
  return fold('ARI-02', '表三办理结果合计', fs);
}

function ari03(cells: Cells, rows: string[]): CheckResult {
  const fs = rows.map((row) =>
    formula(
      cells,
      T3_COLUMNS.slice(0, 6).map((col) => cellId('t3', row, col.id)),
      [cellId('t3', row, 'total')],
      `「${T3_LABELS.get(row) ?? row}」行 各类申请人之和 与 总计`,
    ),
  );
  return fold('ARI-03', '表三行合计', fs);
}

function ari04(cells: Cells): CheckResult {
  const fs = cells['t4/review/total']
    ? T4_GROUPS.map((g) =>
        formula(
          cells,
          T4_COLUMNS.slice(0, 4).map((col) => cellId('t4', g.id, col.id)),
          [cellId('t4', g.id, 'total')],
          `「${g.label}」 维持+纠正+其他+未审结 与 总计`,
        ),
      )
    : [];
  return fold('ARI-04', '表四合计', fs);
}

const SIGNED = new Set(['delta']);
const AMOUNT = new Set(['amount']);

/** ARI-05: counts are non-negative integers; 本年增/减 may be negative; amounts may be decimal. */
function ari05(cells: Cells): CheckResult {
  const bad: string[] = [];
  for (const [id, c] of Object.entries(cells)) {
    if (c.state !== 'number' || c.value === null) continue;
    const col = id.split('/')[2] ?? '';
    const v = c.value;
    if (AMOUNT.has(col) ? v < 0 : SIGNED.has(col) ? !Number.isInteger(v) : v < 0 || !Number.isInteger(v)) bad.push(id);
  }
  if (Object.keys(cells).length === 0) return result('ARI-05', 'na', '报告中没有统计表');
  if (bad.length === 0) return result('ARI-05', 'pass', '数值均为非负整数（金额、增减除外）');
  const list = bad.map((id) => `${id}=${cells[id]!.raw ?? cells[id]!.value}`).join('，');
  return result('ARI-05', 'fail', `有 ${bad.length} 个数值不是非负整数：${list}`, { cells: bad, count: bad.length });
}

/** ARI-06: blanks and "/" in numeric tables (counted as 0 in the sums, but a blank is not a zero). */
function ari06(cells: Cells): CheckResult {
  const ids = Object.entries(cells)
    .filter(([, c]) => c.state === 'blank' || c.state === 'dash')
    .map(([id]) => id);
  if (Object.keys(cells).length === 0) return result('ARI-06', 'na', '报告中没有统计表');
  if (ids.length === 0) return result('ARI-06', 'pass', '数值表中没有空白或斜杠');
  const blanks = ids.filter((id) => cells[id]!.state === 'blank').length;
  return result(
    'ARI-06',
    'warn',
    `数值表中有 ${ids.length} 个单元格为空白（${blanks} 个）或斜杠/“无”（${ids.length - blanks} 个），应填写0`,
    {
      cells: ids,
      count: ids.length,
    },
  );
}

/** ARI-07: self-added group subtotals; the model keeps only template cells, so any printed subtotal is not read. */
function ari07(ctx: EvalContext): CheckResult {
  if (!ctx.hasTables) return result('ARI-07', 'na', '报告中没有统计表');
  return result('ARI-07', 'na', '表格按统一格式读取，未发现自加的小计行');
}

/** ARI-08: table 二 plausibility by unit level. */
function ari08(ctx: EvalContext): CheckResult {
  const cells = ctx.cells;
  if (!Object.keys(cells).some((id) => id.startsWith('t2/'))) return result('ARI-08', 'na', '报告中没有表二');
  const issues: { text: string; cells: string[] }[] = [];
  const regs = Object.keys(cells).filter((id) => id.startsWith('t2/regulations/'));
  const nonZero = regs.filter((id) => (num(cells, id) ?? 0) > 0);
  if ((ctx.level === 'township' || ctx.level === 'street' || ctx.level === 'county_dept') && nonZero.length > 0)
    issues.push({ text: '乡镇、街道和县直部门无权制定规章，表二“规章”栏却有数字（可能填了上级规章）', cells: nonZero });
  for (const row of ['regulations', 'normative_docs']) {
    const issued = num(cells, `t2/${row}/issued`);
    const repealed = num(cells, `t2/${row}/repealed`);
    const inForce = num(cells, `t2/${row}/in_force`);
    if (
      issued !== undefined &&
      repealed !== undefined &&
      inForce === 0 &&
      issued > repealed &&
      cells[`t2/${row}/in_force`]?.state === 'number'
    )
      issues.push({
        text: `「${row === 'regulations' ? '规章' : '行政规范性文件'}」本年制发${issued}件、废止${repealed}件，现行有效件数却为0`,
        cells: [`t2/${row}/issued`, `t2/${row}/repealed`, `t2/${row}/in_force`],
      });
  }
  if (issues.length === 0) return result('ARI-08', 'pass', '表二数值未见不合理之处');
  return result('ARI-08', 'warn', issues.map((i) => i.text).join('；'), { cells: issues.flatMap((i) => i.cells), count: issues.length });
}

/**
 * ARI-09: 收费金额 is in 万元. A value printed with 元, or one over 10,000 万元 (100 million yuan) from a township, street
 * or department, suggests the unit is wrong; a city or district government may well collect that much.
 */
function ari09(ctx: EvalContext): CheckResult {
  const c = ctx.cells['t2/admin_fees/amount'];
  if (!c) return result('ARI-09', 'na', '报告中没有“行政事业性收费”金额栏');
  if (c.state === 'ambiguous' || c.state === 'missing')
    return result('ARI-09', 'uncertain', '收费金额无法确定，未判断单位', { cells: ['t2/admin_fees/amount'] });
  const yuan = c.unit === '元' || /(?<!万)元/.test(c.raw ?? '');
  const small = ctx.level === 'township' || ctx.level === 'street' || ctx.level === 'county_dept';
  if (yuan || (small && (c.value ?? 0) > 10000))
    return result('ARI-09', 'warn', `收费金额为“${c.raw ?? c.value}”，单位应为万元，疑似按元填写`, { cells: ['t2/admin_fees/amount'] });
  return result('ARI-09', 'pass', '收费金额单位未见异常');
}

/** ARI-10: cells the parser could not read with certainty (they block the formulas that use them). */
function ari10(ctx: EvalContext): CheckResult {
  if (!ctx.hasTables) return result('ARI-10', 'na', '报告中没有统计表');
  const ids = Object.entries(ctx.cells)
    .filter(([, c]) => c.state === 'ambiguous' || c.state === 'missing')
    .map(([id]) => id);
  if (ids.length === 0) return result('ARI-10', 'pass', '所有单元格都已确定');
  return result('ARI-10', 'info', `${ids.length} 个单元格无法确定（数字连写或未找到），相关勾稽未判断，请核对原文并更正`, {
    cells: ids,
    count: ids.length,
  });
}

/** ARI-11: a zero report (no applications, no cases) is legitimate, but worth checking against the unit's own 台账. */
function ari11(cells: Cells): CheckResult {
  const ids = Object.keys(cells).filter((id) => id.startsWith('t3/') || id.startsWith('t4/'));
  if (ids.length === 0) return result('ARI-11', 'na', '报告中没有表三、表四');
  if (ids.some((id) => cells[id]!.state === 'ambiguous' || cells[id]!.state === 'missing'))
    return result('ARI-11', 'pass', '表三、表四有无法确定的单元格，不作零报告提示');
  if (ids.every((id) => num(cells, id) === 0))
    return result('ARI-11', 'info', '表三、表四全部为0（零申请、零复议诉讼），可与本单位台账核对', {
      cells: ['t3/new/total', 't4/review/total'],
    });
  return result('ARI-11', 'pass', '表三、表四有非零数据');
}

export function arithmeticChecks(ctx: EvalContext): CheckResult[] {
  const cells = ctx.cells;
  const has3 = ctx.hasTables && cells['t3/new/total'] !== undefined;
  const rows = has3 ? t3Rows(cells) : [];
  return [
    ari01(cells, has3),
    ari02(cells, rows, has3),
    ari03(cells, rows),
    ari04(cells),
    ari05(cells),
    ari06(cells),
    ari07(ctx),
    ari08(ctx),
    ari09(ctx),
    ari10(ctx),
    ari11(cells),
  ];
}
