// Test support: finds report table rows in a source document by their label cells and compares their value cells with truth/*.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block, SourceDocument, TableBlock, TableCell } from '../../../src/shared/document/types';

export const CORPUS = join(__dirname, '..', '..', 'fixtures', 'corpus');

export interface Truth {
  document: string;
  year: number;
  template: string;
  publishedAt: string | null;
  cells: Record<string, number | null>;
}

export function loadTruth(name: string): Truth {
  return JSON.parse(readFileSync(join(CORPUS, 'truth', `${name}.json`), 'utf8')) as Truth;
}

/** A row of a report table: how to recognise it and which value columns its last cells hold, left to right. */
interface RowSpec {
  table: 't2' | 't3';
  row: string;
  label: RegExp;
  cols: string[];
}

const T3_COLS = ['natural', 'org_commercial', 'org_research', 'org_nonprofit', 'org_legal', 'org_other', 'total'];
const T3: [string, RegExp][] = [
  ['new', /本年新收/], ['carried_in', /上年结转/], ['granted', /予以公开/], ['partial', /部分公开/],
  ['denied.state_secret', /国家秘密/], ['denied.law_prohibited', /禁止公开/], ['denied.security_stability', /三安全一稳定/],
  ['denied.third_party', /第三方/], ['denied.internal_affairs', /内部事务/], ['denied.process_info', /过程性/],
  ['denied.enforcement_file', /执法案卷/], ['denied.admin_inquiry', /行政查询/], ['unable.not_held', /不掌握/],
  ['unable.needs_creation', /另行制作/], ['unable.unclear', /仍不明确/], ['not_processed.petition', /信访/],
  ['not_processed.duplicate', /重复申请/], ['not_processed.publication', /公开出版物/], ['not_processed.mass_repeat', /大量反复/],
  ['not_processed.reconfirm', /重新出具/], ['other.no_correction', /逾期不补正/], ['other.fee_unpaid', /缴纳费用/],
  ['other.other', /^\s*3[.．、]\s*其他\s*$/], ['other', /其他处理/], ['total', /总计/], ['carried_out', /结转下年度/],
]; // prettier-ignore

const T2_2021: RowSpec[] = [
  { table: 't2', row: 'regulations', label: /^\s*规章\s*$/, cols: ['issued', 'repealed', 'in_force'] },
  { table: 't2', row: 'normative_docs', label: /规范性文件/, cols: ['issued', 'repealed', 'in_force'] },
  { table: 't2', row: 'licensing', label: /^\s*行政许可\s*$/, cols: ['decisions'] },
  { table: 't2', row: 'penalty', label: /^\s*行政处罚\s*$/, cols: ['decisions'] },
  { table: 't2', row: 'coercion', label: /^\s*行政强制\s*$/, cols: ['decisions'] },
  { table: 't2', row: 'admin_fees', label: /行政事业性收费/, cols: ['amount'] },
];
const MGMT = ['prev_items', 'delta', 'decisions'];
const T2_2019: RowSpec[] = [
  { table: 't2', row: 'regulations', label: /^\s*规章\s*$/, cols: ['new_made', 'new_published', 'total_published'] },
  { table: 't2', row: 'normative_docs', label: /规范性文件/, cols: ['new_made', 'new_published', 'total_published'] },
  { table: 't2', row: 'licensing', label: /^\s*行政许可\s*$/, cols: MGMT },
  { table: 't2', row: 'other_mgmt_services', label: /其他对外管理服务事项/, cols: MGMT },
  { table: 't2', row: 'penalty', label: /^\s*行政处罚\s*$/, cols: MGMT },
  { table: 't2', row: 'coercion', label: /^\s*行政强制\s*$/, cols: MGMT },
  { table: 't2', row: 'admin_fees', label: /行政事业性收费/, cols: ['prev_items', 'delta'] },
  { table: 't2', row: 'central_procurement', label: /政府集中采购/, cols: ['items', 'amount'] },
];

/** The number a cell prints, '' for blank/dash cells, undefined for text. */
export function cellNumber(text: string): number | '' | undefined {
  const t = text.replace(/[\s\u00a0\u3000]+/g, '').replace(/元$/, '');
  if (t === '' || /^[/／—–-]+$/.test(t) || t === '无') return '';
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : undefined;
}

function tables(doc: SourceDocument): TableBlock[] {
  return doc.blocks.filter((b: Block): b is TableBlock => b.kind === 'table');
}

/** First row (over all tables) that has a label cell matching and at least n value-like cells at its end. */
function findRow(doc: SourceDocument, label: RegExp, n: number): TableCell[] | undefined {
  for (const t of tables(doc)) {
    for (const row of t.rows) {
      if (row.length <= n) continue;
      const values = row.slice(-n);
      const labels = row.slice(0, -n);
      if (labels.some((c) => label.test(c.text.replace(/[\s\u00a0\u3000]+/g, (w) => (w.includes('\n') ? '' : w)))) &&
        values.every((c) => cellNumber(c.text) !== undefined)) return values; // prettier-ignore
    }
  }
  return undefined;
}

export interface Comparison {
  checked: number;
  mismatches: string[];
}

/** Compares every truth cell of tables 二/三/四 that the row specs can address. */
export function compareWithTruth(doc: SourceDocument, truth: Truth): Comparison {
  const specs: RowSpec[] = [...(truth.template === 'v2019' ? T2_2019 : T2_2021)];
  for (const [row, label] of T3) specs.push({ table: 't3', row, label, cols: T3_COLS });
  const result: Comparison = { checked: 0, mismatches: [] };
  const compare = (id: string, cell: TableCell | undefined) => {
    if (!(id in truth.cells)) return;
    const want = truth.cells[id];
    const got = cell ? cellNumber(cell.text) : undefined;
    result.checked++;
    if (!(want === null ? got === '' : got === want)) result.mismatches.push(`${id}: want ${want}, got ${JSON.stringify(cell?.text)}`);
  };
  for (const spec of specs) {
    if (!spec.cols.some((c) => `${spec.table}/${spec.row}/${c}` in truth.cells)) continue;
    const values = findRow(doc, spec.label, spec.cols.length);
    spec.cols.forEach((c, i) => compare(`${spec.table}/${spec.row}/${c}`, values?.[i]));
  }
  const t4 = tables(doc)
    .flatMap((t) => t.rows)
    .find((r) => r.length >= 15 && r.slice(-15).every((c) => typeof cellNumber(c.text) === 'number'));
  const groups = ['review', 'lit_direct', 'lit_after_review'];
  const cols = ['upheld', 'corrected', 'other', 'pending', 'total'];
  groups.forEach((g, gi) => cols.forEach((c, ci) => compare(`t4/${g}/${c}`, t4?.slice(-15)[gi * 5 + ci])));
  return result;
}

/** Texts of every block and cell, for chrome checks. */
export function allTexts(doc: SourceDocument): string[] {
  return doc.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flat().map((c) => c.text) : [b.text]));
}

export const CHROME_STRINGS = [
  '关闭窗口',
  '打印本页',
  '下载Word',
  '扫一扫',
  '当前位置',
  '网站标识码',
  'ICP备',
  '主办单位',
  '长者模式',
  '分享到',
  '来源：',
  '时间：',
  '索引号',
  '相关链接',
];
