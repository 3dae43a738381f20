// Test support: one small 2021-format report whose tables sit among prose that carries numbers of its own — a numbered
// paragraph with a year and counts right after 表二, a sentence with a count between the 表三 heading and the table, a
// one-sentence summary between a 表四 heading (worded in the unit's own way) and its fifteen values — rendered as a saved
// web page, WordprocessingML, tab-separated text and one-cell-per-line text. scripts/make-fixtures/prose-tables.ts turns
// the web page into the Word, PDF and pdftotext fixtures in tests/fixtures/synthetic/.
import { T3_COLUMNS, T3_V2021, T4_COLUMNS, T4_GROUPS } from '../../../src/shared/template/catalog';

export interface Cell {
  text: string;
  colSpan?: number;
}
export type Item = { h: string } | { p: string } | { table: Cell[][] };

export interface ProseOptions {
  /** The 表四 summary: a sentence saying there were no cases (values all 0), or one with counts (non-zero values). */
  t4: 'none' | 'counts';
}

const c = (text: string, colSpan = 1): Cell => (colSpan > 1 ? { text, colSpan } : { text });

/** 表二 as printed: [row label, values…]. */
const T2: [string, string[]][] = [
  ['规章', ['0', '0', '0']],
  ['行政规范性文件', ['3', '1', '12']],
  ['行政许可', ['25']],
  ['行政处罚', ['7']],
  ['行政强制', ['/']],
  ['行政事业性收费', ['1.5']],
];

/** 表三 rows that are not all zero (natural, commercial, research, nonprofit, legal, other, total); R1–R3 hold. */
const T3: Record<string, number[]> = {
  new: [10, 2, 0, 0, 0, 0, 12],
  carried_in: [2, 0, 0, 0, 0, 0, 2],
  granted: [6, 1, 0, 0, 0, 0, 7],
  partial: [1, 0, 0, 0, 0, 0, 1],
  'denied.third_party': [1, 0, 0, 0, 0, 0, 1],
  'unable.not_held': [2, 1, 0, 0, 0, 0, 3],
  'not_processed.duplicate': [1, 0, 0, 0, 0, 0, 1],
  total: [11, 2, 0, 0, 0, 0, 13],
  carried_out: [1, 0, 0, 0, 0, 0, 1],
};

const T4_COUNTS = [2, 1, 0, 0, 3, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0];

function t4Values(o: ProseOptions): number[] {
  return o.t4 === 'none' ? T4_COUNTS.map(() => 0) : T4_COUNTS;
}

/** Every cell of the 2021 template with the value the document prints. */
export function expectedCells(o: ProseOptions): Record<string, number | null> {
  const out: Record<string, number | null> = {
    't2/regulations/issued': 0,
    't2/regulations/repealed': 0,
    't2/regulations/in_force': 0,
    't2/normative_docs/issued': 3,
    't2/normative_docs/repealed': 1,
    't2/normative_docs/in_force': 12,
    't2/licensing/decisions': 25,
    't2/penalty/decisions': 7,
    't2/coercion/decisions': null,
    't2/admin_fees/amount': 1.5,
  };
  for (const row of T3_V2021) T3_COLUMNS.forEach((col, i) => (out[`t3/${row.id}/${col.id}`] = T3[row.id]?.[i] ?? 0));
  const t4 = t4Values(o);
  T4_GROUPS.forEach((g, gi) => T4_COLUMNS.forEach((col, ci) => (out[`t4/${g.id}/${col.id}`] = t4[gi * 5 + ci]!)));
  return out;
}

export function proseReport(o: ProseOptions): Item[] {
  const t2Rows: Cell[][] = [];
  const caption = (item: string) => t2Rows.push([c(`第二十条第(${item})项`, 4)]);
  caption('一');
  t2Rows.push([c('信息内容'), c('本年制发件数'), c('本年废止件数'), c('现行有效件数')]);
  for (const [label, vals] of T2.slice(0, 2)) t2Rows.push([c(label), ...vals.map((v) => c(v))]);
  caption('五');
  t2Rows.push([c('信息内容'), c('本年处理决定数量', 3)]);
  t2Rows.push([c('行政许可'), c('25', 3)]);
  caption('六');
  t2Rows.push([c('信息内容'), c('本年处理决定数量', 3)]);
  for (const [label, vals] of T2.slice(3, 5)) t2Rows.push([c(label), c(vals[0]!, 3)]);
  caption('八');
  t2Rows.push([c('信息内容'), c('本年收费金额(单位:万元)', 3)]);
  t2Rows.push([c('行政事业性收费'), c('1.5', 3)]);

  const t3Rows: Cell[][] = [
    [c('(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)'), c('申请人情况', 7)],
    [c(''), c('自然人'), c('商业企业'), c('科研机构'), c('社会公益组织'), c('法律服务机构'), c('其他'), c('总计')],
    ...T3_V2021.map((row) => [c(row.label), ...(T3[row.id] ?? [0, 0, 0, 0, 0, 0, 0]).map((v) => c(String(v)))]),
  ];
  const t4Head = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const t4Rows: Cell[][] = [
    [c('行政复议', 5), c('行政诉讼', 10)],
    [...t4Head.map((h) => c(h)), c('未经复议直接起诉', 5), c('复议后起诉', 5)],
    [c(''), c(''), c(''), c(''), c(''), ...t4Head.map((h) => c(h)), ...t4Head.map((h) => c(h))],
    t4Values(o).map((v) => c(String(v))),
  ];
  const t4Summary =
    o.t4 === 'none'
      ? '2024年度，本局未发生政府信息公开行政复议、行政诉讼案件。'
      : '2024年，本局发生政府信息公开行政复议案件3件，行政诉讼案件1件。';
  return [
    { h: '某某县发展和改革局2024年政府信息公开工作年度报告' },
    { p: '本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。' },
    { h: '一、总体情况' },
    { p: '2024年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息326条。' },
    { h: '二、主动公开政府信息情况' },
    { table: t2Rows },
    { p: '1.2024年，本局通过门户网站发布政策解读15篇，回应社会关切8次。' },
    { p: '2.全年召开新闻发布会2场。' },
    { h: '三、收到和处理政府信息公开申请情况' },
    { p: '2024年，本局全年新收政府信息公开申请12件，上年结转2件，办结13件。' },
    { table: t3Rows },
    { h: '四、行政复议和行政诉讼情况' },
    { p: t4Summary },
    { table: t4Rows },
    { h: '五、存在的主要问题及改进情况' },
    { p: '2024年，本局政府信息公开工作仍存在一些不足，一是政策解读形式单一，二是信息更新不够及时。' },
    { h: '六、其他需要报告的事项' },
    { p: '2024年本局未收取信息处理费。' },
  ];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A saved web page; `borders` false draws no rules (for the unruled PDF). */
export function toHtml(items: Item[], borders = true): string {
  const body = items
    .map((it) => {
      if ('h' in it) return `<h3>${esc(it.h)}</h3>`;
      if ('p' in it) return `<p>${esc(it.p)}</p>`;
      const rows = it.table.map(
        (r) => `<tr>${r.map((x) => `<td${x.colSpan ? ` colspan="${x.colSpan}"` : ''}>${esc(x.text)}</td>`).join('')}</tr>`,
      );
      return `<table${borders ? ' border="1" cellspacing="0"' : ''}><tbody>${rows.join('')}</tbody></table>`;
    })
    .join('\n');
  const style = borders ? 'td{border:1px solid #000}' : 'table,td{border:none}';
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(firstHeading(items))}</title><style>${style}</style></head><body>\n${body}\n</body></html>`;
}

/** WordprocessingML of the document body (tables with gridSpan). */
export function toDocumentXml(items: Item[]): string {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const p = (text: string, style = '') =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
  const body = items
    .map((it) => {
      if ('h' in it) return p(it.h, '1');
      if ('p' in it) return p(it.p);
      const rows = it.table.map(
        (r) =>
          `<w:tr>${r.map((x) => `<w:tc><w:tcPr>${x.colSpan ? `<w:gridSpan w:val="${x.colSpan}"/>` : ''}</w:tcPr>${p(x.text)}</w:tc>`).join('')}</w:tr>`,
      );
      return `<w:tbl>${rows.join('')}</w:tbl>`;
    })
    .join('');
  return `<w:document ${W}><w:body>${body}</w:body></w:document>`;
}

/** Plain text: table rows tab-separated ('tabs'), or every cell on a line of its own ('lines': the structure lost). */
export function toText(items: Item[], mode: 'tabs' | 'lines'): string {
  return items
    .flatMap((it) => {
      if ('h' in it) return [it.h];
      if ('p' in it) return [it.p];
      return it.table.map((r) =>
        mode === 'tabs'
          ? r.map((x) => x.text).join('\t')
          : r
              .map((x) => x.text)
              .filter((t) => t !== '')
              .join('\n'),
      );
    })
    .join('\n');
}

function firstHeading(items: Item[]): string {
  const h = items.find((it): it is { h: string } => 'h' in it);
  return h?.h ?? '';
}
