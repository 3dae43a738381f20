// Defect-injection benchmark: real clean reports, a clean copy and one copy per injected defect, as HTML, DOCX, PDF and text.
// Usage (repository root): tsx scripts/make-fixtures/defects.ts   → tests/fixtures/defects/*.{html,docx,pdf,txt} + manifest.json
// Needs LibreOffice (soffice) and pdftotext (poppler). Every defect is placed by pattern, never by offset, so it applies to any base report.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import * as OpenCC from 'opencc-js/cn2t';
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { isTag, isText } from 'domhandler';
import { serializeOuter } from 'parse5';
import { adapter } from 'parse5-htmlparser2-tree-adapter';
import { findBody, parseHtmlTree, sanitizeTree } from '../../src/main/import/sanitize';
import { findArticle } from '../../src/main/import/readers/html/article';

const ROOT = join(import.meta.dirname, '..', '..');
const REAL = join(ROOT, 'tests', 'fixtures', 'corpus', 'real');
const OUT = process.env['OUT'] ?? join(ROOT, 'tests', 'fixtures', 'defects');
const BASES = (process.env['BASES'] ?? '2022_fujian_pingtan_zhq 2024_fujian_pingtan_zhq').split(/\s+/).filter(Boolean);
/** txt: the PDF's text as poppler's `pdftotext -layout` gives it (the "text" input of a report only printed). */
const FORMATS = ['html', 'docx', 'pdf', 'txt'] as const;
type Format = (typeof FORMATS)[number];
const VARIANT_FORMATS = (process.env['VARIANT_FORMATS'] ?? 'html docx txt')
  .split(/\s+/)
  .filter((f): f is Format => (FORMATS as readonly string[]).includes(f));

/** What a fixture must make fire: each entry is one requirement, "A|B" meaning either check satisfies it. */
interface Defect {
  id: string;
  what: string;
  expect: string[];
  /** A base without the place the defect needs is skipped (else generation stops). */
  optional?: boolean;
  apply: ($: CheerioAPI, ctx: Ctx) => void;
}
interface Ctx {
  year: number;
  previous: CheerioAPI;
}
export interface ManifestEntry {
  file: string;
  base: string;
  previous: string;
  format: Format;
  defect: string;
  /** A variant of one of the nine phenomena (false: the phenomenon as the issue names it, or the clean copy). */
  variant: boolean;
  /** The clean copy this one differs from by its defect only ('clean', or 'clean-trad' for traditional script). */
  clean: string;
  what: string;
  expect: string[];
  sha256: string;
}

// ---------------------------------------------------------------------------------------------------------------------
// The clean article: the report body of the saved page, presentational attributes dropped (small files), a title line
// and the page's own publish date as the first lines, as an office's Word or PDF copy prints them.

const KEEP_ATTRS = new Set(['colspan', 'rowspan']);

function stripAttributes(el: Element): void {
  for (const name of Object.keys(el.attribs)) if (!KEEP_ATTRS.has(name)) delete el.attribs[name];
  if (el.name === 'table') Object.assign(el.attribs, { border: '1', cellspacing: '0', cellpadding: '2' });
  for (const c of el.children) if (isTag(c)) stripAttributes(c);
}

function cleanReport(page: string): { html: string; year: number } {
  const raw = readFileSync(page, 'utf8');
  const doc = parseHtmlTree(raw);
  sanitizeTree(doc);
  const body = findBody(doc);
  if (!body) throw new Error(`${page}: no body`);
  const article = findArticle(body);
  stripAttributes(article);
  const title = /<meta name="ArticleTitle" content="([^"]*)"/.exec(raw)?.[1];
  const pub = /<meta name="PubDate" content="(\d{4}-\d{2}-\d{2})/.exec(raw)?.[1];
  const year = Number(/(\d{4})\s*年/.exec(title ?? '')?.[1]);
  if (!title || !pub || !year) throw new Error(`${page}: no ArticleTitle / PubDate meta`);
  const inner = serializeOuter(article as never, { treeAdapter: adapter });
  const html =
    `<!doctype html>\n<html><head><meta charset="utf-8"><title>${title}</title></head><body>\n` +
    `<p align="center">${title}</p>\n<p>发布日期：${pub}</p>\n${inner}\n</body></html>\n`;
  return { html, year };
}

// ---------------------------------------------------------------------------------------------------------------------
// Finding places by pattern.

const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '');

/** Paragraphs outside the tables, in document order. */
function prose($: CheerioAPI): Cheerio<Element> {
  return $('p').filter((_, el) => $(el).closest('table').length === 0);
}

/** The section heading "N、…" (N = 一…六) as a paragraph outside the tables. */
function heading($: CheerioAPI, numeral: string): Cheerio<Element> {
  const re = new RegExp(`^${numeral}[、．.]`);
  const h = prose($).filter((_, el) => re.test(squash($(el).text())) && squash($(el).text()).length < 40);
  if (h.length === 0) throw new Error(`no heading ${numeral}、`);
  return h.first();
}

/** The elements after a section heading up to the next section heading (siblings in the article container). */
function sectionBody($: CheerioAPI, numeral: string, next: string): Element[] {
  const h = heading($, numeral);
  const stop = new RegExp(`^${next}[、．.]`);
  const out: Element[] = [];
  for (let el = h.next(); el.length > 0; el = el.next()) {
    if (stop.test(squash(el.text()))) return out;
    out.push(el[0]!);
  }
  throw new Error(`section ${numeral}: no following ${next}、 heading among its siblings`);
}

/** Text nodes under an element (or the document), in order. */
function textNodes(node: AnyNode, out: AnyNode[] = []): AnyNode[] {
  if (isText(node)) out.push(node);
  else if (isTag(node) || node.type === 'root') for (const c of (node as Element).children) textNodes(c, out);
  return out;
}

/**
 * Replaces group `n` of the first match of `re` in the paragraphs' text (matched across inline tags, so a sentence split
 * into spans still matches); the replaced digits must lie in one text node. False when nothing matched.
 */
function replaceInText(els: Cheerio<Element>, re: RegExp, fn: (m: RegExpExecArray) => string): boolean {
  for (const el of els.toArray()) {
    const nodes = textNodes(el).filter(isText);
    const text = nodes.map((t) => t.data).join('');
    const m = new RegExp(re.source, re.flags.replace('d', '') + 'd').exec(text);
    const span = m?.indices?.groups?.['n'];
    if (!m || !span) continue;
    const [start, end] = span;
    let at = 0;
    for (const t of nodes) {
      const from = at;
      at += t.data.length;
      if (start >= from && end <= at) {
        t.data = t.data.slice(0, start - from) + fn(m) + t.data.slice(end - from);
        return true;
      }
    }
  }
  return false;
}

/** The longest prose paragraph of a section (where a sentence slipped in reads naturally). */
function proseOf($: CheerioAPI, numeral: string, next: string, mustContain?: RegExp): Cheerio<Element> {
  const els = sectionBody($, numeral, next)
    .flatMap((el) => (el.name === 'p' ? [el] : $(el).find('p').toArray()))
    .filter((el) => $(el).closest('table').length === 0)
    .filter((el) => !mustContain || mustContain.test($(el).text()));
  if (els.length === 0) throw new Error(`section ${numeral}: no prose paragraph${mustContain ? ` with ${mustContain}` : ''}`);
  const best = els.reduce((a, b) => (squash($(b).text()).length > squash($(a).text()).length ? b : a));
  return $(best);
}

/** The table whose text holds every phrase. */
function tableWith($: CheerioAPI, ...phrases: string[]): Cheerio<Element> {
  const t = $('table').filter((_, el) => phrases.every((p) => squash($(el).text()).includes(p)));
  if (t.length === 0) throw new Error(`no table with ${phrases.join(', ')}`);
  return t.last();
}

/** A valid 18-digit resident ID number (GB 11643 check digit) from its first 17 digits. */
export function withCheckDigit(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const s = [...first17].reduce((acc, d, i) => acc + Number(d) * w[i]!, 0);
  return first17 + '10X98765432'[s % 11]!;
}

// ---------------------------------------------------------------------------------------------------------------------
// The defects.

/** "收到…申请75件" or "收到70件申请": the verb, the number, what follows it. */
const APPLICATION_COUNTS = [
  /(?:收到|办理|受理|接收|新收|处理)[^。；，,]{0,20}?申请[^。；\d]{0,6}?(?<n>\d+)\s*件/,
  /(?:收到|办理|受理|接收|新收|处理)[^。；，,\d]{0,12}?(?<n>\d+)\s*件[^。；，,\d]{0,6}?申请/,
];

/** Rewrites the first stated application count in the prose with `to(n)`. */
function changeCount($: CheerioAPI, to: (n: number) => string): void {
  for (const re of APPLICATION_COUNTS) if (replaceInText(prose($), re, (m) => to(Number(m.groups!['n'])))) return;
  throw new Error('no sentence stating how many applications were received or handled');
}
const wrongCount = (n: number) => Math.round(n * 1.5) + 7;

const DEFECTS: Defect[] = [
  {
    id: 'prose-count',
    what: '正文所称收到/办理申请件数与表三不符',
    expect: ['XCK-01'],
    apply($) {
      changeCount($, (n) => String(wrongCount(n)));
    },
  },
  {
    id: 'broken-sum',
    what: '表三「予以公开」行自然人一格改大3，列合计与行合计不再成立',
    expect: ['ARI-02', 'ARI-03'],
    apply($) {
      const table = tableWith($, '本年新收', '予以公开');
      const row = table.find('tr').filter((_, tr) => /予以公开/.test(squash($(tr).text())) && !/部分公开/.test(squash($(tr).text())));
      if (row.length === 0) throw new Error('表三: no 予以公开 row');
      const cells = row.first().children('td,th').toArray();
      const values = cells.slice(-7);
      const first = values[0]!;
      const v = Number(squash($(first).text()));
      if (!Number.isInteger(v)) throw new Error(`表三 予以公开: first value cell is not a number: ${$(first).text()}`);
      const done = replaceInText($(first), /(?<n>\d+)/, () => String(v + 3));
      if (!done) throw new Error('表三 予以公开: no digits in the first value cell');
    },
  },
  {
    id: 'late-date',
    what: '发布日期晚于次年发布时限（次年6月30日）',
    expect: ['MET-01'],
    apply($, { year }) {
      const line = $('p').filter((_, el) => /^发布日期[:：]/.test(squash($(el).text())));
      const text = `发布日期：${year + 1}-06-30`;
      if (line.length > 0) line.first().text(text);
      else $('body').children().first().after(`<p>${text}</p>`);
    },
  },
  {
    id: 'missing-section',
    what: '缺第五部分（存在的主要问题及改进情况）：标题与内容删去',
    expect: ['STR-02'],
    apply($) {
      const body = sectionBody($, '五', '六');
      heading($, '五').remove();
      for (const el of body) $(el).remove();
    },
  },
  {
    id: 'mobile',
    what: '正文中出现个人手机号码',
    expect: ['PRV-01'],
    apply($) {
      proseOf($, '一', '二', /申请/).append('如有疑问，联系人：张三，手机：13905912468。');
    },
  },
  {
    id: 'id-number',
    what: '正文中出现申请人的身份证号码（校验位正确）',
    expect: ['PRV-02'],
    apply($) {
      const id = withCheckDigit('35012819850312001');
      proseOf($, '一', '二', /申请/).append(`其中，申请人李某（身份证号码：${id}）申请公开征地补偿信息，已依法答复。`);
    },
  },
  {
    id: 'copied-five',
    what: '第五部分照抄上一年度报告的第五部分',
    expect: ['QLT-01'],
    apply($, { previous }) {
      const last = sectionBody(previous, '五', '六')
        .map((el) => squash(previous(el).text()))
        .filter((t) => t.length > 0);
      if (last.length === 0) throw new Error('previous report: empty 五');
      const body = sectionBody($, '五', '六');
      $(body[0]!).before(last.map((t) => `<p>${escapeHtml(t)}</p>`).join('\n'));
      for (const el of body) $(el).remove();
    },
  },
  {
    id: 'template-2019',
    what: '2021年以后的报告用了2019年格式的表二表头（本年新制作数量/本年新公开数量/对外公开总数量，规范性文件）',
    expect: ['TPL-01|TPL-02'],
    apply($) {
      const table = tableWith($, '制发件数', '现行有效件数');
      const words: [RegExp, string][] = [
        [/本年制发件数/g, '本年新制作数量'],
        [/本年废止件数/g, '本年新公开数量'],
        [/现行有效件数/g, '对外公开总数量'],
        [/行政规范性文件/g, '规范性文件'],
      ];
      let changed = 0;
      for (const t of textNodes(table[0]!))
        if (isText(t))
          for (const [re, to] of words)
            t.data = t.data.replace(re, () => {
              changed++;
              return to;
            });
      if (changed < 4) throw new Error(`表二: only ${changed} header words replaced`);
    },
  },
  {
    id: 'residue',
    what: '正文残留模板占位“XX镇”',
    expect: ['QLT-06|MET-04'],
    apply($) {
      proseOf($, '一', '二').append('XX镇政务公开专栏同步更新，确保信息发布及时准确。');
    },
  },
];

/**
 * The same phenomena in other words and forms (a benchmark built for the phenomenon, not for one phrasing). Written as
 * HTML, DOCX and text by default; VARIANT_FORMATS="html docx pdf txt" adds their PDFs (about 180 KB each).
 */
const VARIANTS: Defect[] = [
  {
    id: 'prose-count-cn',
    what: '正文所称申请件数（汉字数字）与表三不符',
    expect: ['XCK-01'],
    apply($) {
      changeCount($, (n) => chineseNumber(wrongCount(n)));
    },
  },
  {
    id: 'prose-count-fw',
    what: '正文所称申请件数（全角数字）与表三不符',
    expect: ['XCK-01'],
    apply($) {
      const fw = (n: number) => [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
      changeCount($, (n) => fw(wrongCount(n)));
    },
  },
  {
    id: 'broken-sum-t4',
    what: '表四「行政复议·结果维持」一格改大2，行政复议总计不再成立',
    expect: ['ARI-04'],
    apply($) {
      const table = tableWith($, '行政复议', '行政诉讼', '结果维持');
      const rows = table
        .find('tr')
        .toArray()
        .filter(
          (tr) =>
            $(tr)
              .children('td,th')
              .toArray()
              .filter((td) => /^\d+$/.test(squash($(td).text()))).length >= 15,
        );
      if (rows.length === 0) throw new Error('表四: no row of 15 values');
      const first = $(rows[0]!)
        .children('td,th')
        .toArray()
        .find((td) => /^\d+$/.test(squash($(td).text())))!;
      const v = Number(squash($(first).text()));
      replaceInText($(first), /(?<n>\d+)/, () => String(v + 2));
    },
  },
  {
    id: 'late-date-cn',
    what: '发布时间（中文日期）晚于次年发布时限',
    expect: ['MET-01'],
    apply($, { year }) {
      const line = $('p').filter((_, el) => /^发布日期[:：]/.test(squash($(el).text())));
      const text = `发布时间：${year + 1}年7月15日`;
      if (line.length > 0) line.first().text(text);
      else $('body').children().first().after(`<p>${text}</p>`);
    },
  },
  {
    id: 'heading-only',
    what: '缺第五部分的标题（内容仍在）',
    expect: ['STR-02'],
    apply($) {
      heading($, '五').remove();
    },
  },
  {
    id: 'mobile-grouped',
    what: '正文中出现分组书写的个人手机号码（139 0591 2468）',
    expect: ['PRV-01'],
    apply($) {
      proseOf($, '一', '二', /申请/).append('如需咨询，可联系经办人王五，手机号码139 0591 2468。');
    },
  },
  {
    id: 'id-number-x',
    what: '正文中出现校验位为X的身份证号码',
    expect: ['PRV-02'],
    apply($) {
      let id = '';
      for (let n = 1; !id.endsWith('X'); n++) id = withCheckDigit(`35010219900115${String(n).padStart(3, '0')}`);
      proseOf($, '一', '二', /申请/).append(`申请人陈某某，公民身份号码${id}，申请公开房屋征收信息。`);
    },
  },
  {
    id: 'copied-five-edited',
    what: '第五部分照抄上一年度，只把年份改了',
    expect: ['QLT-01'],
    apply($, { previous }) {
      const last = sectionBody(previous, '五', '六')
        .map((el) => squash(previous(el).text()).replace(/(20\d{2})(?=年)/g, (y) => String(Number(y) + 1)))
        .filter((t) => t.length > 0);
      const body = sectionBody($, '五', '六');
      $(body[0]!).before(last.map((t) => `<p>${escapeHtml(t)}</p>`).join('\n'));
      for (const el of body) $(el).remove();
    },
  },
  {
    id: 'residue-street',
    what: '正文残留模板占位“××街道”“202X年”',
    expect: ['QLT-06|MET-04'],
    apply($) {
      proseOf($, '一', '二').append('202X年，××街道将继续做好政务公开工作。');
    },
  },
  {
    id: 'prose-none',
    what: '正文称未收到申请，表三却有新收申请',
    expect: ['XCK-02|XCK-01'],
    apply($) {
      for (const re of APPLICATION_COUNTS) {
        const p = prose($)
          .filter((_, el) => new RegExp(re.source).test($(el).text()))
          .first();
        if (p.length === 0) continue;
        const nodes = textNodes(p[0]!).filter(isText);
        for (const t of nodes) t.data = '';
        nodes[0]!.data = '本年度未收到政府信息公开申请。';
        return;
      }
      throw new Error('no sentence stating how many applications were received or handled');
    },
  },
  {
    id: 'review-count',
    what: '正文所称行政复议件数与表四不符',
    expect: ['XCK-03'],
    optional: true,
    apply($) {
      const done = replaceInText(prose($), /行政复议(?:案件)?(?:共)?(?<n>\d+)\s*[件起]/, (m) => String(Number(m.groups!['n']) + 5));
      if (!done) throw new Error('no sentence stating how many 行政复议 cases there were');
    },
  },
  {
    id: 'renumbered',
    what: '缺第五部分，原第六部分改称“五、”（只剩五个部分）',
    expect: ['STR-02'],
    apply($) {
      const body = sectionBody($, '五', '六');
      heading($, '五').remove();
      for (const el of body) $(el).remove();
      replaceInText(heading($, '六'), /(?<n>六)/, () => '五');
    },
  },
];

/** 1…9999 in Chinese numerals as prose writes counts (十二, 一百零八, 两千). */
export function chineseNumber(n: number): string {
  const d = '零一二三四五六七八九';
  const units = ['', '十', '百', '千'];
  const digits = [...String(n)].map(Number);
  let out = '';
  digits.forEach((v, i) => {
    const unit = units[digits.length - 1 - i]!;
    if (v === 0) out += out.endsWith('零') || i === digits.length - 1 ? '' : '零';
    else out += d[v]! + unit;
  });
  out = out.replace(/零+$/, '');
  return out.startsWith('一十') ? out.slice(1) : out;
}

/** Defects also written in traditional script (the whole report converted, as Hong Kong / Taiwan style pages print it). */
const TRADITIONAL = ['prose-count', 'broken-sum', 'late-date', 'missing-section', 'mobile', 'copied-five', 'residue'];
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

function traditional($: CheerioAPI): void {
  for (const t of textNodes($.root()[0]!)) if (isText(t)) t.data = toTraditional(t.data);
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// ---------------------------------------------------------------------------------------------------------------------

function soffice(work: string, target: string, files: string[]): void {
  const profile = `file://${join(work, 'lo-profile')}`;
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--norestore',
      '--infilter=HTML (StarWriter)',
      '--convert-to',
      target,
      '--outdir',
      work,
      ...files,
    ],
    { stdio: 'ignore', timeout: 600_000 },
  );
}

function main(): void {
  const work = mkdtempSync(join(tmpdir(), 'defect-fixtures-'));
  try {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    const entries: Omit<ManifestEntry, 'sha256'>[] = [];
    const toDocx: string[] = [];
    const toPdf: string[] = [];
    const toTxt: string[] = [];
    for (const base of BASES) {
      const { html, year } = cleanReport(join(REAL, `${base}.html`));
      const prevName = base.replace(/^\d{4}/, String(year - 1));
      const previous = cheerio.load(cleanReport(join(REAL, `${prevName}.html`)).html);
      // The clean copy goes through the same serialisation as the defect copies: they differ only by the defect.
      const copies: { defect: string; text: string; expect: string[]; what: string; variant: boolean; clean: string }[] = [
        { defect: 'clean', text: cheerio.load(html).html(), expect: [], what: '未注入缺陷的原报告', variant: false, clean: 'clean' },
      ];
      const trad = cheerio.load(html);
      traditional(trad);
      copies.push({
        defect: 'clean-trad',
        text: trad.html(),
        expect: [],
        what: '未注入缺陷的原报告（繁体）',
        variant: true,
        clean: 'clean-trad',
      });
      const all = [
        ...DEFECTS.map((d) => ({ d, variant: false, trad: false })),
        ...VARIANTS.map((d) => ({ d, variant: true, trad: false })),
        ...DEFECTS.filter((d) => TRADITIONAL.includes(d.id)).map((d) => ({ d, variant: true, trad: true })),
      ];
      for (const { d, variant, trad: inTraditional } of all) {
        const $ = cheerio.load(html);
        try {
          d.apply($, { year, previous });
        } catch (e) {
          if (!d.optional) throw new Error(`${base} ${d.id}: ${(e as Error).message}`);
          console.log(`${base} ${d.id}: skipped (${(e as Error).message})`);
          continue;
        }
        if (inTraditional) traditional($);
        copies.push({
          defect: inTraditional ? `${d.id}-trad` : d.id,
          text: $.html(),
          expect: d.expect,
          what: inTraditional ? `${d.what}（繁体）` : d.what,
          variant,
          clean: inTraditional ? 'clean-trad' : 'clean',
        });
      }
      for (const c of copies) {
        const name = `${base}.${c.defect}`;
        const src = join(work, `${name}.html`);
        writeFileSync(src, c.text);
        const formats = c.variant ? VARIANT_FORMATS : FORMATS;
        if (formats.includes('docx')) toDocx.push(src);
        if (formats.includes('pdf') || formats.includes('txt')) toPdf.push(src);
        if (formats.includes('txt')) toTxt.push(join(work, `${name}.pdf`));
        for (const format of formats)
          entries.push({ file: `${name}.${format}`, base, previous: `${prevName}.html`, format, defect: c.defect, variant: c.variant, clean: c.clean, what: c.what, expect: c.expect }); // prettier-ignore
      }
    }
    if (toDocx.length > 0) soffice(work, 'docx:MS Word 2007 XML', toDocx);
    if (toPdf.length > 0) soffice(work, 'pdf:writer_pdf_Export', toPdf);
    for (const pdf of toTxt) execFileSync('pdftotext', ['-layout', pdf, pdf.replace(/\.pdf$/, '.txt')]);
    for (const e of entries) copyFileSync(join(work, e.file), join(OUT, e.file));
    const manifest: ManifestEntry[] = entries.map((e) => {
      const bytes = readFileSync(join(OUT, e.file));
      return { ...e, sha256: createHash('sha256').update(bytes).digest('hex') };
    });
    writeFileSync(join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    const total = manifest.reduce((s, e) => s + statSync(join(OUT, e.file)).size, 0);
    console.log(`${manifest.length} fixtures, ${Math.round(total / 1024)} KB in ${OUT}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
