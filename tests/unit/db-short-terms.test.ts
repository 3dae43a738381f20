// The short-term index answers every 1–2 character term exactly as LIKE '%term%' does, stays in sync, and marks the hit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/shared/model/report';
import * as repo from '../../src/main/db/index';
import { gramDocument, gramQuery, isWhitespace } from '../../src/main/db/grams';

let dir: string;
let db: repo.Db;

// Text chosen to trip a tokenizer: traditional and simplified forms side by side, full-width letters and digits, hits split by
// a line break or an ideographic space, ASCII and CJK punctuation, LIKE wildcards, mixed case, accents, astral characters.
const DOCS: { organ: string | null; title: string | null; text: string }[] = [
  { organ: '平潭综合实验区管委会', title: '2023年度报告', text: '本年度收到行政復議申请3件，行政复议2件；收費0元。' },
  {
    organ: '淮安市人民政府',
    title: '淮安市政府信息公开年报',
    text: '行政复\n议与诉\u3000讼各1件。收\r\n费：无。ＡＢＣ１２３ａｂｃ（一）％',
  },
  { organ: 'Test Office', title: 'PDF Report', text: 'He said "hello" AND NEAR(x y) * 100% done_ok \\ back\\slash É état Ǆ ǆ' },
  { organ: null, title: null, text: '表格：2019—2023，12件；𠀀𠀁古字 😀 emoji；tab\there；nbsp\u00a0here；ﾊﾝｶｸ' },
  { organ: '勐拉镇人民政府', title: '空文本报告', text: '' },
  { organ: '西沱镇', title: null, text: '诉讼收费复议。A_B a%b 2012年 ab-cd table TABLE Table' },
];

function model(i: number, d: (typeof DOCS)[number]): ReportModel {
  return {
    file: `s${i}.txt`,
    format: 'txt',
    title: d.title,
    organ: d.organ,
    year: 2020 + i,
    template: 'v2021',
    publishedAt: null,
    sections: [],
    problems: [],
    cells: {},
  };
}

/** The reference: the LIKE scan the short-term index replaces (text, title and unit name). */
function likeIds(term: string): number[] {
  const p = repo.likePattern(term);
  const rows = db
    .prepare(
      `SELECT report_id AS id FROM report_texts WHERE text LIKE ? ESCAPE '\\'
       UNION SELECT r.id FROM reports r LEFT JOIN units u ON u.id = r.unit_id
       WHERE coalesce(r.title, '') LIKE ? ESCAPE '\\' OR coalesce(u.name, '') LIKE ? ESCAPE '\\'`,
    )
    .all(p, p, p) as { id: number }[];
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/** Every 1- and 2-character substring of the library's fields (no whitespace), its case variants, and a few absent terms. */
function allShortTerms(): string[] {
  const terms = new Set<string>(['丁', 'zz', '𠀂', '\uD800', '\\', '"', '%%']);
  for (const d of DOCS) {
    for (const field of [d.text, d.title ?? '', d.organ ?? '']) {
      const cps = [...field];
      cps.forEach((c, i) => {
        terms.add(c);
        if (i + 1 < cps.length) terms.add(c + (cps[i + 1] as string));
      });
    }
  }
  // Case variants, ASCII and not (Ａ/ａ, É/é, Ǆ/ǆ): LIKE folds only the former, the index must do the same.
  const swap = (t: string): string => [...t].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
  const variants = [...terms].flatMap((t) => [swap(t), t.toLowerCase(), t.toUpperCase()]);
  return [...new Set([...terms, ...variants])].filter((t) => repo.splitTerms(t).short[0] === t);
}

function searchIds(text: string): number[] {
  return repo
    .listLibrary(db, { text, limit: 1000 })
    .reports.map((r) => r.id)
    .sort((a, b) => a - b);
}

function expectSameAsLike(): void {
  for (const term of allShortTerms()) expect(searchIds(term), JSON.stringify(term)).toEqual(likeIds(term));
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ri-short-'));
  db = repo.openDb(join(dir, 'lib.sqlite'));
  DOCS.forEach((d, i) => {
    repo.insertReport(db, {
      fileName: `s${i}.txt`,
      format: 'txt',
      sha256: String.fromCharCode(97 + i).repeat(64),
      size: 1,
      bytes: new Uint8Array([i]),
      model: model(i, d),
      problems: [],
      text: d.text,
    });
  });
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('short-term index', () => {
  it('finds exactly the reports LIKE finds, for every 1–2 character term in the library', () => {
    const terms = allShortTerms();
    expect(terms.length).toBeGreaterThan(300);
    expectSameAsLike();
  });

  it('matches the tricky cases the way LIKE does', () => {
    expect(searchIds('复议')).toEqual([1, 6]); // not report 2, where 复\n议 is split by a line break
    expect(searchIds('復議')).toEqual([1]); // traditional and simplified are different characters
    expect(searchIds('诉讼')).toEqual([6]); // report 2 has 诉\u3000讼
    expect(searchIds('ab')).toEqual([4, 6]); // a substring of "table" and "tab", not a word
    expect(searchIds('AB')).toEqual([4, 6]); // ASCII case folds
    expect(searchIds('ａｂ')).toEqual([2]); // full-width: found as written…
    expect(searchIds('ＡＢ')).toEqual([2]);
    expect(searchIds('Ａｂ')).toEqual([]); // …but not folded, as LIKE does not fold it
    expect(searchIds('é')).toEqual([3]); // no accent folding: "é" is only in "état"
    expect(searchIds('É')).toEqual([3]);
    expect(searchIds('e')).toEqual([3, 4, 6]);
    expect(searchIds('12')).toEqual([4, 6]); // digits inside numbers; １２ full-width is not 12
    expect(searchIds('%')).toEqual([3, 6]);
    expect(searchIds('_')).toEqual([3, 6]);
    expect(searchIds('\\')).toEqual([3]);
    expect(searchIds('𠀀')).toEqual([4]);
    expect(searchIds('😀')).toEqual([4]);
    expect(searchIds('管委')).toEqual([1]); // unit name only
    expect(searchIds('年报')).toEqual([2]); // title only
  });

  it('ANDs several short terms and a short with a long one', () => {
    expect(searchIds('复议 收费')).toEqual([6]);
    expect(searchIds('收 费')).toEqual([1, 2, 6].filter((id) => likeIds('收').includes(id) && likeIds('费').includes(id)));
    expect(searchIds('行政复议 2')).toEqual([1]);
    expect(searchIds('行政复议 zz')).toEqual([]);
  });

  it('marks the hit in every snippet, as LIKE matched it', () => {
    for (const term of allShortTerms()) {
      const page = repo.listLibrary(db, { text: term, limit: 1000 });
      expect(page.hits.map((h) => h.reportId)).toEqual(page.reports.map((r) => r.id));
      for (const h of page.hits) {
        const marked = [...h.snippet.matchAll(/«([^»]*)»/g)].map((m) => m[1] as string);
        const asLike = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
        expect(marked.length, `${term} in ${h.snippet}`).toBeGreaterThan(0);
        for (const m of marked) expect(asLike(m), `${term} in ${h.snippet}`).toBe(asLike(term));
      }
    }
  });

  it('follows re-parse, unit changes and deletion', () => {
    repo.reparseReport(db, 1, { model: model(0, DOCS[0]!), problems: [], text: '新的文本：没有那两个字' });
    expect(searchIds('復議')).toEqual([]);
    expect(searchIds('两个')).toEqual([1]);
    repo.setReportMeta(db, [4], { organ: '溆浦县' });
    expect(searchIds('溆浦')).toEqual([4]);
    expect(repo.deleteReport(db, 6)).toBe(true);
    expect(searchIds('ab')).toEqual([4]);
    expectSameAsLike();
    const n = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
    expect(n('SELECT count(*) AS n FROM reports_grams')).toBe(n('SELECT count(*) AS n FROM reports'));
  });
});

describe('gram encoding', () => {
  it('treats as whitespace exactly what a query is split on', () => {
    for (let cp = 0; cp < 0x10000; cp++) expect(isWhitespace(cp), cp.toString(16)).toBe(/\s/u.test(String.fromCodePoint(cp)));
  });

  it('gives one token per character and per adjacent pair, never across whitespace or fields', () => {
    const tokens = gramDocument(['复议 A', '议']).split(' ');
    expect(tokens).toHaveLength(4); // 复, 议, a, 复议 — 议 once, no "议a", no pair across fields
    expect(tokens.filter((t) => t.length === 8)).toEqual([gramQuery('复议')!.replace(/"/g, '')]);
    expect(tokens).toContain(gramQuery('a')!.replace(/"/g, ''));
    expect(gramQuery('A')).toBe(gramQuery('a'));
    expect(gramQuery('abc')).toBeUndefined();
    expect(gramQuery('a b')).toBeUndefined();
    expect(gramQuery('\u{10FFFF}\u{10FFFF}')).toMatch(/^"[0-9a-z]{8}"$/);
  });
});
