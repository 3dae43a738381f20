// The short-term index (reports_grams): every character and every pair of adjacent characters of a report as one token.
import type { Db } from './connection';

/*
 * Why this shape: the trigram index cannot answer 1–2 character terms, and a LIKE scan of ~40 MB of text took 110–180 ms at
 * 10,000 reports. Here each 1- or 2-character substring of the title, the unit name and the text becomes one token, so a short
 * term is a single-token lookup that returns exactly the rows LIKE '%term%' would (substrings, not words: "12" is found in
 * "2012", "ab" in "table"). The table is contentless with detail=none: it keeps only which report has which token (no copy
 * of the text, no positions), measured at +27 MB and ~5 ms per lookup at 10,000 reports; one token per character queried as a
 * phrase took +70 MB and 10–34 ms.
 *
 * A token is the code point in base 36, four digits (U+10FFFF is "nvzu"), so a pair is eight: letters and digits only, which
 * the 'ascii' tokenizer keeps whole, whatever the character (punctuation, full-width forms, emoji). Pairs never span
 * whitespace: search terms are split on whitespace, so such a pair could never be asked for, and "复\n议" must not match 复议.
 * Case follows LIKE: ASCII letters are folded, nothing else is.
 *
 * Changing the encoding requires a migration that rebuilds the table: databases at version 30+ hold tokens made this way.
 */

/** Whitespace as JavaScript's /\s/u sees it — the same set splitTerms splits a query on. */
const WHITESPACE = new Set(
  [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff].concat(
    Array.from({ length: 11 }, (_, i) => 0x2000 + i),
  ),
);

export function isWhitespace(cp: number): boolean {
  return WHITESPACE.has(cp);
}

/** LIKE's case folding: ASCII A–Z only. */
function fold(cp: number): number {
  return cp >= 0x41 && cp <= 0x5a ? cp + 0x20 : cp;
}

function token(cp: number): string {
  return cp.toString(36).padStart(4, '0');
}

/** Adds the characters and adjacent pairs of one field (title, unit or text); fields do not join into pairs. */
function collect(text: string, seen: Map<number, Set<number>>): void {
  // Pairs are kept grouped by their first character (small integer keys hash fast, a 42-bit pair key did not):
  // `followers` is the set of characters seen after the previous one, undefined at the start and after whitespace.
  let followers: Set<number> | undefined;
  for (const ch of text) {
    const cp = fold(ch.codePointAt(0) as number);
    if (WHITESPACE.has(cp)) {
      followers = undefined;
      continue;
    }
    followers?.add(cp);
    followers = seen.get(cp);
    if (followers === undefined) seen.set(cp, (followers = new Set()));
  }
}

/** The token list to index for a report's fields: each distinct character and pair once (detail=none keeps no counts). */
export function gramDocument(fields: readonly string[]): string {
  const seen = new Map<number, Set<number>>();
  for (const f of fields) collect(f, seen);
  const tokens = new Map<number, string>();
  for (const cp of seen.keys()) tokens.set(cp, token(cp));
  const out: string[] = [];
  for (const [first, seconds] of seen) {
    const t = tokens.get(first) as string;
    out.push(t);
    for (const second of seconds) out.push(t + (tokens.get(second) as string));
  }
  return out.join(' ');
}

/**
 * The MATCH expression for a term of one or two characters (no whitespace: splitTerms cut there); undefined for anything
 * else. A lone surrogate becomes U+FFFD, as SQLite reads it when the term is bound to LIKE.
 */
export function gramQuery(term: string): string | undefined {
  const cps = [...term.replace(/\p{Cs}/gu, '\uFFFD')].map((c) => fold(c.codePointAt(0) as number));
  if (cps.length === 0 || cps.length > 2 || cps.some((cp) => WHITESPACE.has(cp))) return undefined;
  return `"${cps.map(token).join('')}"`;
}

const FIELDS_SQL = `SELECT r.id, coalesce(r.title, '') AS title, coalesce(u.name, '') AS organ, coalesce(t.text, '') AS text
FROM reports r LEFT JOIN units u ON u.id = r.unit_id LEFT JOIN report_texts t ON t.report_id = r.id`;

interface Fields {
  id: number;
  title: string;
  organ: string;
  text: string;
}

/** Rewrites the short-term index row of a report from its current title, unit and text (the fields the trigram row has). */
export function writeGrams(db: Db, id: number): void {
  db.prepare('DELETE FROM reports_grams WHERE rowid = ?').run(id);
  const r = db.prepare(`${FIELDS_SQL} WHERE r.id = ?`).get(id) as Fields | undefined;
  if (r) db.prepare('INSERT INTO reports_grams (rowid, grams) VALUES (?, ?)').run(r.id, gramDocument([r.title, r.organ, r.text]));
}

export function deleteGrams(db: Db, id: number): void {
  db.prepare('DELETE FROM reports_grams WHERE rowid = ?').run(id);
}

/** Indexes every report, a batch at a time so the texts of a large library are never all in memory together. */
export function backfillGrams(db: Db, batch = 200): number {
  const page = db.prepare(`${FIELDS_SQL} WHERE r.id > ? ORDER BY r.id LIMIT ?`);
  const insert = db.prepare('INSERT INTO reports_grams (rowid, grams) VALUES (?, ?)');
  let after = 0;
  let count = 0;
  for (;;) {
    const rows = page.all(after, batch) as Fields[];
    for (const r of rows) insert.run(r.id, gramDocument([r.title, r.organ, r.text]));
    count += rows.length;
    const last = rows[rows.length - 1];
    if (!last || rows.length < batch) return count;
    after = last.id;
  }
}

/** Ids of the reports containing every short term, exactly as LIKE '%term%' over title, unit and text would find them. */
export function gramMatchIds(db: Db, terms: readonly string[]): number[] {
  const queries = terms.map(gramQuery);
  if (queries.length === 0 || queries.some((q) => q === undefined)) return [];
  // Space-separated phrases are an implicit AND in FTS5: one lookup for all the short terms.
  const rows = db.prepare('SELECT rowid AS id FROM reports_grams WHERE reports_grams MATCH ?').all(queries.join(' ')) as { id: number }[];
  return rows.map((r) => r.id);
}
