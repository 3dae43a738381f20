// The library list: filters, trigram full-text search for 3+ characters, the short-term index for 1–2, «» snippets, hostile queries.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/shared/model/report';
import * as repo from '../../src/main/db/index';

let dir: string;
let db: repo.Db;

const DOCS: { organ: string; year: number; text: string; ambiguous?: boolean }[] = [
  { organ: '平潭综合实验区管委会', year: 2023, text: '本年度收到行政复议申请3件，依申请公开办理情况良好。' },
  { organ: '平潭综合实验区管委会', year: 2022, text: '主动公开规范性文件，政府网站发布信息。' },
  { organ: '淮安市人民政府', year: 2023, text: '依申请公开共收到申请120件，全部按时答复。100% done_ok', ambiguous: true },
  { organ: '淮安市人民政府', year: 2021, text: 'He said "hello" AND NEAR(x y) * 其他内容' },
];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ri-search-'));
  db = repo.openDb(join(dir, 'lib.sqlite'));
  DOCS.forEach((d, i) => {
    const model: ReportModel = {
      file: `r${i}.html`,
      format: 'html',
      title: `${d.organ}${d.year}年政府信息公开工作年度报告`,
      organ: d.organ,
      year: d.year,
      template: 'v2021',
      publishedAt: null,
      sections: [],
      problems: [],
      cells: {
        't3/new/natural': d.ambiguous
          ? { value: null, state: 'ambiguous', raw: null, source: null }
          : { value: 1, state: 'number', raw: '1', source: null },
      },
    };
    repo.insertReport(db, {
      fileName: model.file,
      format: 'html',
      sha256: String(i).repeat(64).slice(0, 64),
      size: 1,
      bytes: new Uint8Array([i]),
      model,
      problems: [],
      text: d.text,
    });
  });
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('library list', () => {
  it('lists every report, newest year first, with the years and units present', () => {
    const page = repo.listLibrary(db, {});
    expect(page.total).toBe(4);
    expect(page.reports.map((r) => r.year)).toEqual([2023, 2023, 2022, 2021]);
    expect(page.years).toEqual([2023, 2022, 2021]);
    expect(page.organs).toEqual(['平潭综合实验区管委会', '淮安市人民政府'].sort(new Intl.Collator('en').compare));
    expect(page.hits).toEqual([]);
  });

  it('filters by year, unit and status, and pages', () => {
    expect(repo.listLibrary(db, { year: 2023 }).total).toBe(2);
    expect(repo.listLibrary(db, { organ: '淮安市人民政府', year: 2023 }).reports.map((r) => r.fileName)).toEqual(['r2.html']);
    expect(repo.listLibrary(db, { status: 'needs-attention' }).reports.map((r) => r.fileName)).toEqual(['r2.html']);
    const p = repo.listLibrary(db, { limit: 1, offset: 1 });
    expect(p.reports).toHaveLength(1);
    expect(p.total).toBe(4);
  });

  it('finds 3+ character Chinese terms through the trigram index with «» snippets', () => {
    const page = repo.listLibrary(db, { text: '依申请公开' });
    expect(page.reports.map((r) => r.fileName).sort()).toEqual(['r0.html', 'r2.html']);
    expect(page.hits).toHaveLength(2);
    for (const h of page.hits) expect(h.snippet).toContain('«依申请公开»');
  });

  it('routes 1–2 character terms to the short-term index', () => {
    expect(repo.splitTerms('复议')).toEqual({ fts: [], short: ['复议'] });
    const page = repo.listLibrary(db, { text: '复议' });
    expect(page.reports.map((r) => r.fileName)).toEqual(['r0.html']);
    expect(page.hits[0]?.snippet).toContain('«复议»');
    expect(repo.listLibrary(db, { text: '淮安' }).total).toBe(2);
  });

  it('combines a long and a short term (both must match)', () => {
    expect(repo.listLibrary(db, { text: '依申请公开 答复' }).reports.map((r) => r.fileName)).toEqual(['r2.html']);
  });

  it('treats FTS syntax and LIKE wildcards in a query as literal text', () => {
    for (const q of ['"hello" AND', 'NEAR(x', '* 其他', '"', "'; DROP TABLE reports; --", 'a"b"c', '^^^', '%', '_']) {
      expect(() => repo.listLibrary(db, { text: q }), q).not.toThrow();
    }
    expect(repo.listLibrary(db, { text: '"hello"' }).reports.map((r) => r.fileName)).toEqual(['r3.html']);
    expect(repo.listLibrary(db, { text: 'NEAR(x' }).reports.map((r) => r.fileName)).toEqual(['r3.html']);
    expect(repo.listLibrary(db, { text: '%' }).reports.map((r) => r.fileName)).toEqual(['r2.html']);
    expect(repo.listLibrary(db, { text: '_' }).reports.map((r) => r.fileName)).toEqual(['r2.html']);
    expect(repo.countReports(db)).toBe(4);
  });

  it('finds nothing for text that is not there', () => {
    const page = repo.listLibrary(db, { text: '不存在的词语' });
    expect(page.total).toBe(0);
    expect(page.reports).toEqual([]);
  });

  it('cuts a snippet around the first hit', () => {
    const s = repo.cutSnippet('甲'.repeat(100) + '复议' + '乙'.repeat(100), repo.termPatterns(repo.splitTerms('复议')));
    expect(s).toMatch(/^…甲{30}«复议»乙+…$/);
    expect(repo.cutSnippet('abc', repo.termPatterns(repo.splitTerms('x')))).toBeUndefined();
  });

  it('marks overlapping terms once, keeps a long hit whole, and folds case as each index does', () => {
    const both = repo.termPatterns(repo.splitTerms('复议 行政复议'));
    expect(repo.cutSnippet('申请行政复议一件', both)).toBe('申请«行政复议»一件');
    const long = 'x'.repeat(80);
    expect(repo.cutSnippet(`前${long}后`, repo.termPatterns(repo.splitTerms(long)))).toBe(`前«${long}»…`);
    // Short terms fold ASCII only (as LIKE does); long terms fold like the trigram index.
    expect(repo.cutSnippet('Ａ ａ pdf PDF', repo.termPatterns(repo.splitTerms('ａ')))).toBe('Ａ «ａ» pdf PDF');
    expect(repo.cutSnippet('Ａ ａ pdf PDF', repo.termPatterns(repo.splitTerms('Pd')))).toBe('Ａ ａ «pd»f «PD»F');
    expect(repo.cutSnippet('ＰＤＦ文件', repo.termPatterns(repo.splitTerms('ｐｄｆ')))).toBe('«ＰＤＦ»文件');
  });
});
