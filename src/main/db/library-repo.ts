// The library list: filters by year, unit and status, full-text search (FTS5 trigram; the short-term index for 1–2 chars), snippets.
import type { LibraryPage, LibraryQuery, ReportSummary, SearchHit } from '../../shared/ipc/contract';
import type { Db } from './connection';
import { toReportRow, type ReportRow } from './reports-repo';
import { gramMatchIds } from './grams';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;
const SNIPPET_CHARS = 30;

export interface TextTerms {
  /** Terms of 3+ characters: matched by the trigram index. */
  fts: string[];
  /** Shorter terms: the trigram index cannot match them, the short-term index (reports_grams) does, with LIKE's semantics. */
  short: string[];
}

/** Splits a user query into whitespace-separated terms and routes each by its length in characters (not UTF-16 units). */
export function splitTerms(text: string | undefined): TextTerms {
  const terms = (text ?? '')
    .split(/\s+/u)
    .filter((t) => t.length > 0)
    .slice(0, 16);
  return { fts: terms.filter((t) => [...t].length >= 3), short: terms.filter((t) => [...t].length < 3) };
}

/** An FTS5 query that treats every term as a literal string: each one is a quoted phrase, quotes doubled. */
export function ftsQuery(terms: readonly string[]): string {
  return terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' ');
}

/** A LIKE pattern matching the term literally anywhere (%, _ and the escape character escaped): the meaning a short term has. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

interface Where {
  sql: string;
  params: (string | number)[];
}

function buildWhere(q: LibraryQuery): Where {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  const add = (sql: string, value: string | number | undefined): void => {
    if (value === undefined) return;
    parts.push(sql);
    params.push(value);
  };
  add('r.year = ?', q.year);
  add('u.name = ?', q.organ);
  add('r.status = ?', q.status);
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/**
 * Ids of the reports matching every term: the trigram index for terms of 3+ characters, one short-term index lookup for the
 * shorter ones (the hits LIKE '%term%' over text, title and unit gave, without its scan). Undefined when the query has no text.
 */
function matchIds(db: Db, terms: TextTerms): number[] | undefined {
  let ids: Set<number> | undefined;
  const keep = (found: number[]): void => {
    const next = new Set(found);
    ids = ids === undefined ? next : new Set([...ids].filter((id) => next.has(id)));
  };
  if (terms.fts.length > 0) {
    const rows = db.prepare('SELECT rowid AS id FROM reports_fts WHERE reports_fts MATCH ?').all(ftsQuery(terms.fts)) as { id: number }[];
    keep(rows.map((r) => r.id));
  }
  if (terms.short.length > 0 && (ids === undefined || ids.size > 0)) keep(gramMatchIds(db, terms.short));
  return ids === undefined ? undefined : [...ids];
}

export function toSummary(row: ReportRow): ReportSummary {
  return {
    id: row.id,
    fileName: row.fileName,
    format: row.format,
    organ: row.organ,
    year: row.year,
    template: row.template,
    publishedAt: row.publishedAt,
    status: row.status,
    importedAt: row.importedAt,
    uncertainCells: row.uncertainCells,
    problemCount: row.problemCount,
    correctionCount: row.correctionCount,
    // Derived by the services (grading, reasons, other files of the same report).
    grading: null,
    attention: [],
    sameAs: [],
  };
}

export function listLibrary(db: Db, q: LibraryQuery): LibraryPage {
  const terms = splitTerms(q.text);
  const ftsIds = matchIds(db, terms);
  if (ftsIds !== undefined && ftsIds.length === 0) return { reports: [], total: 0, hits: [], years: listYears(db), organs: listOrgans(db) };
  const where = buildWhere(q);
  const limit = Math.min(Math.max(1, q.limit ?? DEFAULT_LIMIT), MAX_LIMIT);
  const offset = Math.max(0, q.offset ?? 0);
  // The text match runs once; its ids are bound as a JSON array to both the page and the count query (running MATCH or
  // LIKE inside each of them doubled the cost of a search at 10,000 reports). An IN list, not a join: joined with
  // json_each, a year filter made SQLite scan the array once per report.
  const from = 'FROM reports r LEFT JOIN units u ON u.id = r.unit_id';
  if (ftsIds !== undefined) {
    where.sql = `${where.sql ? `${where.sql} AND` : 'WHERE'} r.id IN (SELECT value FROM json_each(?))`;
    where.params.push(JSON.stringify(ftsIds));
  }
  const rows = db
    .prepare(
      `SELECT r.id, r.unit_id AS unitId, u.name AS organ, r.year, r.meta_locked AS metaLocked, r.file_name AS fileName,
         r.format, r.sha256, r.size, r.imported_at AS importedAt, r.parsed_at AS parsedAt, r.template, r.title,
         r.published_at AS publishedAt, r.status, r.uncertain_cells AS uncertainCells, r.problem_count AS problemCount,
         (SELECT count(DISTINCT k.cell_id) FROM corrections k WHERE k.report_id = r.id) AS correctionCount
       ${from} ${where.sql}
       ORDER BY r.year IS NULL, r.year DESC, u.name IS NULL, u.name, r.id LIMIT ? OFFSET ?`,
    )
    .all(...where.params, limit, offset) as Record<string, unknown>[];
  const onlyText = ftsIds !== undefined && where.params.length === 1;
  const total = onlyText
    ? ftsIds.length
    : (db.prepare(`SELECT count(*) AS n ${from} ${where.sql}`).get(...where.params) as { n: number }).n;
  const reports = rows.map((r) => toSummary(toReportRow(r)));
  return {
    reports,
    total,
    hits: searchHits(
      db,
      reports.map((r) => r.id),
      terms,
    ),
    years: listYears(db),
    organs: listOrgans(db),
  };
}

export function listYears(db: Db): number[] {
  return (db.prepare('SELECT DISTINCT year FROM reports WHERE year IS NOT NULL ORDER BY year DESC').all() as { year: number }[]).map(
    (r) => r.year,
  );
}

export function listOrgans(db: Db): string[] {
  return (
    db.prepare('SELECT name FROM units u WHERE EXISTS (SELECT 1 FROM reports r WHERE r.unit_id = u.id) ORDER BY name').all() as {
      name: string;
    }[]
  ).map((r) => r.name);
}

/**
 * One snippet per listed report, every hit wrapped in «». Cut in JavaScript from the stored text for long and short
 * terms alike: FTS5's snippet() re-ran the phrase query per row, the slowest part of a search at 10,000 reports.
 * Each term is found in the text the way its index matched it (see termPatterns).
 */
function searchHits(db: Db, ids: number[], terms: TextTerms): SearchHit[] {
  const patterns = termPatterns(terms);
  if (ids.length === 0 || patterns.length === 0) return [];
  const placeholders = ids.map(() => '?').join(',');
  const rows = db
    .prepare(
      `SELECT r.id, coalesce(t.text, '') AS text, coalesce(r.title, '') AS title, coalesce(u.name, '') AS organ
       FROM reports r LEFT JOIN report_texts t ON t.report_id = r.id LEFT JOIN units u ON u.id = r.unit_id WHERE r.id IN (${placeholders})`,
    )
    .all(...ids) as { id: number; text: string; title: string; organ: string }[];
  const hits: SearchHit[] = [];
  for (const r of rows) {
    const snippet = cutSnippet(r.text, patterns) ?? cutSnippet(r.title, patterns) ?? cutSnippet(r.organ, patterns);
    if (snippet !== undefined) hits.push({ reportId: r.id, snippet });
  }
  return orderLike(hits, ids);
}

function orderLike(hits: SearchHit[], ids: number[]): SearchHit[] {
  const pos = new Map(ids.map((id, i) => [id, i]));
  return hits.sort((a, b) => (pos.get(a.reportId) ?? 0) - (pos.get(b.reportId) ?? 0));
}

const escapeRegExp = (t: string): string => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * How each term is found for its snippet: a long term as the trigram index folds case (Unicode), a short one as LIKE does
 * (ASCII letters only, so "ａ" does not mark "Ａ", which the index did not match either).
 */
export function termPatterns(terms: TextTerms): RegExp[] {
  const ascii = (t: string): string =>
    [...t].map((c) => (/^[a-z]$/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : escapeRegExp(c))).join('');
  return [...terms.fts.map((t) => new RegExp(escapeRegExp(t), 'giu')), ...terms.short.map((t) => new RegExp(ascii(t), 'gu'))];
}

/** The leftmost match of any pattern at or after `from` (the longer one on a tie). */
function firstMatch(text: string, patterns: readonly RegExp[], from: number): { at: number; end: number } | undefined {
  let best: { at: number; end: number } | undefined;
  for (const re of patterns) {
    re.lastIndex = from;
    const m = re.exec(text);
    if (!m || m[0].length === 0) continue;
    const end = m.index + m[0].length;
    if (!best || m.index < best.at || (m.index === best.at && end > best.end)) best = { at: m.index, end };
  }
  return best;
}

/** A window of text around the first occurrence of any term (patterns with the g flag), every occurrence in it wrapped in «». */
export function cutSnippet(text: string, patterns: readonly RegExp[]): string | undefined {
  const first = firstMatch(text, patterns, 0);
  if (first === undefined) return undefined;
  let start = Math.max(0, first.at - SNIPPET_CHARS);
  let end = Math.min(text.length, Math.max(first.at + SNIPPET_CHARS * 2, first.end));
  // Never cut a surrogate pair in half.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text.charAt(start))) start -= 1;
  if (end < text.length && /[\uDC00-\uDFFF]/.test(text.charAt(end))) end += 1;
  // Terms hold no whitespace, so collapsing it cannot create or break a match.
  const window = text.slice(start, end).replace(/\s+/g, ' ');
  let out = '';
  let pos = 0;
  for (let m = firstMatch(window, patterns, 0); m !== undefined; m = firstMatch(window, patterns, pos)) {
    out += `${window.slice(pos, m.at)}«${window.slice(m.at, m.end)}»`;
    pos = m.end;
  }
  return `${start > 0 ? '…' : ''}${out}${window.slice(pos)}${end < text.length ? '…' : ''}`;
}
