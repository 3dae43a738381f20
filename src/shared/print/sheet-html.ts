// The assessment sheet (评分表) as a complete print-only HTML document: one report per sheet, or a batch with a page
// break between sheets. Points the inspector has not confirmed print as 建议 n and the sheet says so on every page.
// Sheets are paged here (paginate.ts) so each numbers its own pages even inside a batch; 'flow' leaves the paging to
// Chromium (page numbers then count across the document: right for a sheet printed on its own).
import type { AssessedItem } from '../grading/assessment';
import { GRADING_STATE_LABEL } from '../grading/assessment';
import type { TemplateVersion } from '../model/report';
import { cnDate, esc, pts } from './escape';
import { groupRowMm, headMm, itemRowMm, paginate, tailMm, type PagePlan } from './paginate';
import { BASE_CSS, pageRule } from './styles';
import type { SheetData } from './types';

export const SHEET_TITLE = '政府信息公开工作年度报告评分表';
export const UNCONFIRMED = '未经确认的建议分';

export const TEMPLATE_LABEL: Record<TemplateVersion, string> = {
  v2021: '2021年版统一格式',
  v2019: '2019年试行格式',
  hybrid: '新旧格式混用',
  unknown: '未能识别',
};

interface Row {
  html: string;
  mm: number;
  keepWithNext?: boolean;
}

interface Parts {
  head: string;
  headMm: number;
  rows: Row[];
  tail: string;
  tailMm: number;
}

const unconfirmedCount = (d: SheetData): number => d.assessment.items.filter((i) => !i.confirmed).length;

function pointsCell(i: AssessedItem): string {
  if (!i.confirmed) return `<span class="suggest">建议</span>${pts(i.points)}`;
  return i.secondLook ? `${pts(i.points)}<span class="small">※</span>` : pts(i.points);
}

/** 扣分理由, one line of text per part: the inspector's note where they gave one, else the checks' reason when points were lost. */
function reasonParts(i: AssessedItem): { text: string; html: string }[] {
  const parts: { text: string; html: string }[] = [];
  const lost = i.points < i.max - 1e-9;
  const note = i.decision?.note.trim();
  if (note) parts.push({ text: note, html: esc(note) });
  else if (lost && i.reason) parts.push({ text: i.reason, html: esc(i.reason) });
  else if (!i.confirmed && i.needsInspector) parts.push({ text: '（须评审人判断）', html: '<span class="small">（须评审人判断）</span>' });
  if (i.comment) parts.push({ text: `评审意见：${i.comment}`, html: `<span class="small">评审意见：</span>${esc(i.comment)}` });
  if (i.secondLook) parts.push({ text: '※ 评定后建议分有变化，待复看', html: '<span class="small">※ 评定后建议分有变化，待复看</span>' });
  return parts;
}

function itemRow(i: AssessedItem): Row {
  const parts = reasonParts(i);
  return {
    html: `<tr><td class="num">${esc(i.id)}</td><td>${esc(i.title)}</td><td class="num">${pts(i.max)}</td><td class="num">${pointsCell(i)}</td><td class="reason">${parts.map((p) => p.html).join('<br>')}</td></tr>`,
    mm: itemRowMm(
      i.title,
      parts.map((p) => p.text),
    ),
  };
}

function rowsOf(d: SheetData): Row[] {
  const out: Row[] = [];
  const items = d.assessment.items;
  const groups =
    d.checklist.groups.length > 0 ? d.checklist.groups : [...new Set(items.map((i) => i.group))].map((id) => ({ id, title: id }));
  const seen = new Set<string>();
  for (const g of groups) {
    const mine = items.filter((i) => i.group === g.id);
    if (mine.length === 0) continue;
    seen.add(g.id);
    const max = mine.reduce((s, i) => s + i.max, 0);
    const got = mine.reduce((s, i) => s + i.points, 0);
    out.push({
      html: `<tr class="group"><td class="num">${esc(g.id)}</td><td>${esc(g.title)}</td><td class="num">${pts(max)}</td><td class="num">${pts(got)}</td><td></td></tr>`,
      mm: groupRowMm(g.title),
      keepWithNext: true,
    });
    for (const i of mine) out.push(itemRow(i));
  }
  // Items of a group the checklist does not list still print (a county's checklist edited by hand).
  for (const i of items.filter((x) => !seen.has(x.group))) out.push(itemRow(i));
  return out;
}

function publishedText(d: SheetData): string {
  if (!d.publishedAt) return '未查到';
  return `${cnDate(d.publishedAt) || d.publishedAt}${d.publishedSource === 'inspector' ? '（评审人核实）' : ''}`;
}

function noticeText(d: SheetData): string | null {
  const n = unconfirmedCount(d);
  if (n === 0) return null;
  return `本表 ${d.assessment.items.length} 项中有 ${n} 项的得分是系统给出的建议分，尚未经评审人确认（得分栏标“建议”）；总分与等级随之为暂定，确认前不作为正式评分结果。`;
}

function notesText(d: SheetData): string {
  const a = d.assessment;
  return (
    `评分标准：${d.checklist.name}（${d.checklist.ref}）；评审状态：${GRADING_STATE_LABEL[a.state]}，已确认 ${a.confirmed}/${a.items.length} 项` +
    `${d.fileName ? `；文件：${d.fileName}` : ''}。${a.secondLook > 0 ? '标※的项评定后建议分有变化，请复看。' : ''}`
  );
}

function partsOf(d: SheetData): Parts {
  const a = d.assessment;
  const n = unconfirmedCount(d);
  const unit = d.organ ?? '（未识别单位）';
  const notice = noticeText(d);
  const published = publishedText(d);
  const head = `<h1>${SHEET_TITLE}</h1>
<p class="subtitle">${d.year === null ? '&#8203;' : `${d.year}年度`}</p>
${notice ? `<div class="unconfirmed-note"><strong>${UNCONFIRMED}</strong>${esc(notice)}</div>` : ''}
<table class="meta">
<colgroup><col style="width:17mm"><col><col style="width:17mm"><col></colgroup>
<tr><th>单\u3000位</th><td colspan="3">${esc(unit)}</td></tr>
<tr><th>年\u3000度</th><td>${esc(d.year ?? '未识别')}</td><th>模\u3000板</th><td>${esc(TEMPLATE_LABEL[d.template] ?? d.template)}</td></tr>
<tr><th>发布日期</th><td>${esc(published)}</td><th>评审日期</th><td>${esc(cnDate(d.reviewedAt))}</td></tr>
</table>`;
  const comment = a.comment ?? '';
  const notes = notesText(d);
  const tail = `<table class="totals">
<colgroup><col style="width:20mm"><col><col style="width:20mm"><col style="width:22mm"><col style="width:20mm"><col></colgroup>
<tr><th>总\u3000分</th><td class="big num">${pts(a.total)}${n > 0 ? '<span class="small">（含建议分）</span>' : ''}</td><th>满\u3000分</th><td class="num">${pts(a.max)}</td><th>等\u3000级</th><td class="big num">${esc(a.grade)}${n > 0 ? '<span class="small">（暂定）</span>' : ''}</td></tr>
</table>
<div class="opinion"><div class="label">评审意见：</div><div class="text">${esc(comment)}</div></div>
<div class="signatures"><span>评审人：<span class="line"></span></span><span>复核人：<span class="line"></span></span><span>日期：<span class="line date"></span></span></div>
<div class="notes">${esc(notes)}</div>`;
  return { head, headMm: headMm(unit, notice, published), rows: rowsOf(d), tail, tailMm: tailMm(comment, notes) };
}

const TABLE_OPEN = `<table class="items">
<colgroup><col style="width:11mm"><col style="width:52mm"><col style="width:12mm"><col style="width:17mm"><col></colgroup>
<thead><tr><th>序号</th><th>评分项目</th><th>分值</th><th>得分</th><th>扣分理由</th></tr></thead>
<tbody>`;
const TABLE_CLOSE = '</tbody>\n</table>';

function runningHead(d: SheetData): [string, string] {
  return [`${d.organ ?? '未识别单位'} ${d.year ?? ''}年度 评分表`, unconfirmedCount(d) > 0 ? `含${UNCONFIRMED}` : ''];
}

/** A sheet as explicit pages, each its own named @page carrying 第 k 页 共 n 页. */
function pagedSheet(d: SheetData, index: number): { body: string; css: string; pages: number } {
  const p = partsOf(d);
  const plan: PagePlan[] = paginate(p.headMm, p.rows, p.tailMm);
  const [left, right] = runningHead(d);
  const css: string[] = [];
  const body = plan.map((pg, k) => {
    const name = `s${index}p${k + 1}`;
    css.push(pageRule(name, left, right, `第 ${k + 1} 页  共 ${plan.length} 页`));
    const rows = p.rows.slice(pg.from, pg.to).map((r) => r.html);
    return `<section class="page" style="page: ${name}">
${pg.head ? p.head : ''}
${rows.length > 0 ? `${TABLE_OPEN}\n${rows.join('\n')}\n${TABLE_CLOSE}` : ''}
${pg.tail ? p.tail : ''}
</section>`;
  });
  return { body: body.join('\n'), css: css.join('\n'), pages: plan.length };
}

/** A sheet left to Chromium's paging: the table header repeats, pages number across the document. */
function flowSheet(d: SheetData, index: number): { body: string; css: string } {
  const p = partsOf(d);
  const [left, right] = runningHead(d);
  const name = `s${index}`;
  return {
    body: `<section class="page" style="page: ${name}">\n${p.head}\n${TABLE_OPEN}\n${p.rows.map((r) => r.html).join('\n')}\n${TABLE_CLOSE}\n${p.tail}\n</section>`,
    css: pageRule(name, left, right, null),
  };
}

export function documentOf(title: string, css: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(title)}</title>
<style>${BASE_CSS}
${css}</style></head>
<body>
${body}
</body></html>`;
}

export interface SheetsDocument {
  html: string;
  /** The pages the document should print to (paged mode), for the printer to check Chromium agreed; null in flow mode. */
  pages: number | null;
  /** Pages per sheet (paged mode). */
  perSheet: number[];
}

/** Several sheets in one document, a page break between them. */
export function sheetsDocument(data: readonly SheetData[], mode: 'paged' | 'flow' = 'paged'): SheetsDocument {
  const title = data.length === 1 ? `${SHEET_TITLE} ${data[0]!.organ ?? ''}` : `${SHEET_TITLE}（${data.length} 份）`;
  if (mode === 'flow') {
    const parts = data.map(flowSheet);
    return { html: documentOf(title, parts.map((p) => p.css).join('\n'), parts.map((p) => p.body).join('\n')), pages: null, perSheet: [] };
  }
  const parts = data.map(pagedSheet);
  return {
    html: documentOf(title, parts.map((p) => p.css).join('\n'), parts.map((p) => p.body).join('\n')),
    pages: parts.reduce((s, p) => s + p.pages, 0),
    perSheet: parts.map((p) => p.pages),
  };
}

/** One sheet: a complete HTML document. */
export function sheetHtml(data: SheetData): string {
  return sheetsDocument([data]).html;
}

/** Several sheets in one document (preview, the print dialog, the batch PDF), each numbering its own pages. */
export function sheetsHtml(data: readonly SheetData[]): string {
  return sheetsDocument(data).html;
}
