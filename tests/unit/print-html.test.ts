// The print pages as HTML: escaping of hostile text, 建议 marks and the 未经确认的建议分 notice, every item listed,
// pagination ahead of Chromium (every page with its table header and its own 第 x 页 共 y 页), the ranking's notes.
import { describe, expect, it } from 'vitest';
import { assess, type Decision } from '../../src/shared/grading/assessment';
import { gradeOf } from '../../src/shared/grading/checklist';
import { DEFAULT_CHECKLIST } from '../../src/shared/grading/default-checklist';
import { rank } from '../../src/shared/grading/ranking';
import { scoreSheet } from '../../src/shared/grading/score';
import { cssString, esc } from '../../src/shared/print/escape';
import { linesOf, paginate } from '../../src/shared/print/paginate';
import { rankingHtml } from '../../src/shared/print/ranking-html';
import { sheetHtml, sheetsDocument } from '../../src/shared/print/sheet-html';
import type { SheetData } from '../../src/shared/print/types';

const HOSTILE = '<img src=x onerror=alert(1)>"\'</style><script>alert(2)</script>';
const sheet = scoreSheet(DEFAULT_CHECKLIST, []);

function decide(itemIds: readonly string[], note = ''): Decision[] {
  return sheet.items
    .filter((i) => itemIds.includes(i.id))
    .map((i) => ({
      itemId: i.id,
      points: note ? Math.max(0, i.max - 1) : i.suggested,
      suggested: i.suggested,
      note,
      checklist: sheet.checklist,
      by: '张三',
      at: '2026-03-02T09:00:00Z',
    }));
}

function data(decisions: Decision[], organ: string | null = '溆浦县低庄镇人民政府', comment = ''): SheetData {
  const comments = comment ? [{ itemId: null, text: comment, by: '张三', at: '2026-03-02' }] : [];
  return {
    organ,
    year: 2025,
    template: 'v2021',
    publishedAt: '2026-01-14',
    publishedSource: 'document',
    reviewedAt: '2026-03-02T09:00:00Z',
    fileName: 'seed-004.txt',
    checklist: { ref: sheet.checklist, name: DEFAULT_CHECKLIST.name, groups: DEFAULT_CHECKLIST.groups },
    assessment: assess(sheet, decisions, comments, (t) => gradeOf(DEFAULT_CHECKLIST, t)),
  };
}

const ALL = sheet.items.map((i) => i.id);
const styleOf = (html: string): string => html.slice(html.indexOf('<style>'), html.indexOf('</style>'));

describe('sheet html', () => {
  it('is a complete A4 document with the form’s parts', () => {
    const html = sheetHtml(data(decide(ALL)));
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('size: A4');
    expect(html).toContain('@media print');
    expect(html).toContain('"Noto Serif CJK SC"');
    expect(html).toContain('"SimSun"');
    for (const t of [
      '政府信息公开工作年度报告评分表',
      '单　位',
      '年　度',
      '模　板',
      '发布日期',
      '评审日期',
      '序号',
      '评分项目',
      '分值',
      '得分',
      '扣分理由',
      '总　分',
      '等　级',
      '评审意见',
      '评审人：',
      '复核人：',
      '日期：',
    ])
      expect(html).toContain(t);
    expect(html).toContain('2026年1月14日');
    expect(html).toContain('2026年3月2日');
    expect(html).not.toMatch(/<script|src=|href=/i);
  });

  it('lists every item of the checklist, grouped A–E', () => {
    const html = sheetHtml(data([]));
    for (const i of DEFAULT_CHECKLIST.items) expect(html).toContain(`<td class="num">${i.id}</td><td>${esc(i.title)}</td>`);
    for (const g of DEFAULT_CHECKLIST.groups)
      expect(html).toContain(`<tr class="group"><td class="num">${g.id}</td><td>${esc(g.title)}</td>`);
  });

  it('marks unconfirmed points 建议 and says 未经确认的建议分; a fully confirmed sheet does not', () => {
    const none = sheetHtml(data([]));
    expect(none.match(/<span class="suggest">建议<\/span>/g)).toHaveLength(sheet.items.length);
    expect(none).toContain('<strong>未经确认的建议分</strong>');
    expect(styleOf(none)).toContain('未经确认的建议分'); // on every page's running head
    const some = sheetHtml(data(decide(ALL.slice(0, 5))));
    expect(some.match(/<span class="suggest">建议<\/span>/g)).toHaveLength(sheet.items.length - 5);
    expect(some).toContain(`本表 ${sheet.items.length} 项中有 ${sheet.items.length - 5} 项`);
    const all = sheetHtml(data(decide(ALL)));
    expect(all).not.toContain('未经确认的建议分');
    expect(all).not.toContain('class="suggest"');
    expect(all).not.toContain('（含建议分）');
  });

  it('escapes text from documents and inspectors in the page and in the CSS of the running heads', () => {
    const html = sheetHtml(data(decide(['A1'], HOSTILE), HOSTILE, HOSTILE));
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&lt;/style&gt;');
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(cssString('a"b\\c</style>\n')).toBe('"a\\22 b\\5c c\\3c \\2f style\\3e \\a "');
  });

  it('pages a long sheet ahead: every page has the table header and its own 第 x 页 共 y 页', () => {
    const long = '评审人核实：正文所列数据与表三不一致，需说明原因。'.repeat(12);
    const doc = sheetsDocument([data(decide(ALL, long), 'A', long), data([], 'B')]);
    expect(doc.perSheet[0]).toBeGreaterThanOrEqual(3);
    expect(doc.pages).toBe(doc.perSheet[0]! + doc.perSheet[1]!);
    const first = doc.perSheet[0]!;
    for (let k = 1; k <= first; k++) expect(doc.html).toContain(`content: "第 ${k} 页  共 ${first} 页"`);
    expect(doc.html).toContain(`content: "第 1 页  共 ${doc.perSheet[1]} 页"`);
    const sections = doc.html.split('<section class="page"').slice(1);
    expect(sections).toHaveLength(doc.pages!);
    // Pages holding rows open with the table header; only the last page of a sheet carries the signatures.
    for (const s of sections) if (s.includes('<tbody>')) expect(s).toContain('<thead><tr><th>序号</th>');
    expect(sections.filter((s) => s.includes('复核人：'))).toHaveLength(2);
  });

  it('estimates CJK text at one em a character', () => {
    expect(linesOf('一'.repeat(10), 10 * 3.704 + 2.5, 10.5)).toBe(1);
    expect(linesOf('一'.repeat(30), 10 * 3.704 + 2.5, 10.5)).toBe(3);
    expect(linesOf('一\n二', 50, 10.5)).toBe(2);
    const rows = Array.from({ length: 40 }, () => ({ mm: 10 }));
    const plan = paginate(50, rows, 60, 250);
    expect(plan[0]!.head).toBe(true);
    expect(plan[plan.length - 1]!.tail).toBe(true);
    expect(plan.map((p) => p.to - p.from).reduce((a, b) => a + b)).toBe(40);
  });
});

describe('ranking html', () => {
  const entry = (i: number) => ({
    reportId: i,
    organ: i === 1 ? HOSTILE : `单位${i}`,
    year: 2025,
    total: 90 - i,
    max: 100,
    grade: '良好',
    state: 'graded' as const,
    mainDeductions: ['A1 按时发布 −5（晚发布）'],
  });

  it('has the columns, escapes units and says 样本偏少 below 30 units', () => {
    const rows = rank([1, 2, 3].map(entry));
    const html = rankingHtml({ year: 2025, rows, smallSample: true });
    for (const t of ['排名', '单位', '总分', '等级', '状态', '主要扣分', '样本偏少', '制表人', 'A1 按时发布 −5（晚发布）'])
      expect(html).toContain(t);
    expect(html).not.toContain('<img');
    expect(html).toContain('size: A4');
    const big = rankingHtml({ year: 2025, rows: rank(Array.from({ length: 30 }, (_, i) => entry(i + 2))), smallSample: false });
    expect(big).not.toContain('样本偏少');
  });
});
