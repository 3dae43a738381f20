// Review packages (.ripkg) at the SQL level: the package file's own schema, attached to the library's connection as
// `pkg`; copying chosen reports into it; inserting a packaged report whole; merging the append-only history by identity.
//
// A package is a plain SQLite file (journal_mode DELETE, so one file on the USB stick). It is attached to the library's
// own connection rather than opened separately, so the Electron build needs no second native binding.
//
// Merging never overrides what is current here. The inspector's rows (corrections, decisions, comments, stated facts)
// are append-only and the latest row per key is the current one; rows from a package that this library lacks (by
// identity: every column but the local ids) are appended in the package's order and, where this library already had a
// current row for the key, that row is re-stated after them (an identical copy: same values, same signer, same time).
// So the other side's history is kept and visible, the local row stays in force, and a second import finds every
// identity present and appends nothing. An item whose current decision is such a re-statement with a different
// decision just before it is a conflict: listDecisionConflicts finds them from the data alone.
// One exception, the hand-over itself: when the other side had our current row and then made a new one (评审 → 复核 →
// back), its row is a successor, not a rival, and becomes current here too: no conflict, both rows in the history.
import type { Decision } from '../../shared/grading/assessment';
import type { Db } from './connection';
import { ensureUnit, refreshStatus, writeFts } from './reports-repo';

export const PACKAGE_FORMAT = 'report-inspector-review-package';
export const PACKAGE_VERSION = 1;
const ALIAS = 'pkg';

const PACKAGE_SCHEMA = `
CREATE TABLE pkg.meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
-- One row per report; sha256 is the checksum of 'original' (verified on import), size its length.
CREATE TABLE pkg.reports (
  sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  ord INTEGER NOT NULL,
  organ TEXT,
  unit_level TEXT,
  year INTEGER,
  meta_locked INTEGER NOT NULL,
  file_name TEXT NOT NULL,
  format TEXT NOT NULL,
  size INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  parsed_at TEXT NOT NULL,
  template TEXT NOT NULL,
  title TEXT,
  published_at TEXT,
  status TEXT NOT NULL,
  uncertain_cells INTEGER NOT NULL,
  problem_count INTEGER NOT NULL,
  model_json TEXT NOT NULL,
  text TEXT NOT NULL,
  original BLOB NOT NULL
) STRICT;
CREATE TABLE pkg.sections (sha256 TEXT NOT NULL, no INTEGER NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL, PRIMARY KEY (sha256, no)) STRICT;
CREATE TABLE pkg.cells (
  sha256 TEXT NOT NULL, cell_id TEXT NOT NULL, value REAL, state TEXT NOT NULL, raw TEXT, source_json TEXT, note TEXT, unit TEXT, ocr_json TEXT,
  PRIMARY KEY (sha256, cell_id)
) STRICT;
CREATE TABLE pkg.problems (seq INTEGER PRIMARY KEY, sha256 TEXT NOT NULL, kind TEXT NOT NULL, message TEXT NOT NULL) STRICT;
-- The append-only history, in the order it was made (seq).
CREATE TABLE pkg.corrections (
  seq INTEGER PRIMARY KEY, sha256 TEXT NOT NULL, cell_id TEXT NOT NULL, value REAL, state TEXT NOT NULL, reason TEXT NOT NULL,
  by TEXT NOT NULL, at TEXT NOT NULL
) STRICT;
CREATE TABLE pkg.decisions (
  seq INTEGER PRIMARY KEY, sha256 TEXT NOT NULL, item_id TEXT NOT NULL, points REAL NOT NULL, suggested REAL NOT NULL,
  note TEXT NOT NULL, checklist TEXT NOT NULL, by TEXT NOT NULL, at TEXT NOT NULL
) STRICT;
CREATE TABLE pkg.comments (seq INTEGER PRIMARY KEY, sha256 TEXT NOT NULL, item_id TEXT, text TEXT NOT NULL, by TEXT NOT NULL, at TEXT NOT NULL) STRICT;
-- 'previous' facts name last year's report by checksum ('sha256:<hex>'): ids mean nothing in another library.
CREATE TABLE pkg.facts (seq INTEGER PRIMARY KEY, sha256 TEXT NOT NULL, kind TEXT NOT NULL, value TEXT, by TEXT NOT NULL, at TEXT NOT NULL) STRICT;
-- County checklists the decisions were made on (the built-in one ships with the app).
CREATE TABLE pkg.checklists (key TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, json TEXT NOT NULL, created_at TEXT NOT NULL,
  PRIMARY KEY (key, version)) STRICT;
`;

export const PACKAGE_TABLES = [
  'meta',
  'reports',
  'sections',
  'cells',
  'problems',
  'corrections',
  'decisions',
  'comments',
  'facts',
  'checklists',
];

// ---- attaching ----

/** Attaches a package file (created when missing) as `pkg`. Not inside a transaction (SQLite refuses). */
export function attachPackage(db: Db, path: string): void {
  db.prepare(`ATTACH DATABASE ? AS ${ALIAS}`).run(path);
}

export function detachPackage(db: Db): void {
  const attached = (db.pragma('database_list') as { name: string }[]).some((d) => d.name === ALIAS);
  if (attached) db.exec(`DETACH DATABASE ${ALIAS}`);
}

// ---- writing a package ----

/** Creates the package's tables in a fresh attached file and writes its format, version and who made it. */
export function createPackageTables(db: Db, meta: Record<string, string>): void {
  db.pragma(`${ALIAS}.journal_mode = DELETE`);
  db.transaction(() => {
    db.exec(PACKAGE_SCHEMA);
    const put = db.prepare('INSERT INTO pkg.meta (key, value) VALUES (?, ?)');
    put.run('format', PACKAGE_FORMAT);
    put.run('version', String(PACKAGE_VERSION));
    for (const [k, v] of Object.entries(meta)) put.run(k, v);
  })();
}

/** Copies one report of the library (parse, original, text and its whole history) into the attached package. */
export function copyReportToPackage(db: Db, reportId: number, ord: number): boolean {
  return db.transaction((): boolean => {
    const info = db
      .prepare(
        `INSERT INTO pkg.reports (sha256, ord, organ, unit_level, year, meta_locked, file_name, format, size, imported_at, parsed_at,
           template, title, published_at, status, uncertain_cells, problem_count, model_json, text, original)
         SELECT r.sha256, ?, u.name, u.level, r.year, r.meta_locked, r.file_name, r.format, r.size, r.imported_at, r.parsed_at,
           r.template, r.title, r.published_at, r.status, r.uncertain_cells, r.problem_count, r.model_json, coalesce(t.text, ''), o.bytes
         FROM main.reports r JOIN main.originals o ON o.report_id = r.id
           LEFT JOIN main.units u ON u.id = r.unit_id LEFT JOIN main.report_texts t ON t.report_id = r.id
         WHERE r.id = ?`,
      )
      .run(ord, reportId);
    if (info.changes === 0) return false;
    const sha = `(SELECT sha256 FROM main.reports WHERE id = ?)`;
    db.prepare(`INSERT INTO pkg.sections SELECT ${sha}, no, title, text FROM main.sections WHERE report_id = ? ORDER BY no`).run(
      reportId,
      reportId,
    );
    db.prepare(
      `INSERT INTO pkg.cells SELECT ${sha}, cell_id, value, state, raw, source_json, note, unit, ocr_json FROM main.cells WHERE report_id = ?`,
    ).run(reportId, reportId);
    db.prepare(
      `INSERT INTO pkg.problems (sha256, kind, message) SELECT ${sha}, kind, message FROM main.problems WHERE report_id = ? ORDER BY id`,
    ).run(reportId, reportId);
    db.prepare(
      `INSERT INTO pkg.corrections (sha256, cell_id, value, state, reason, by, at)
       SELECT ${sha}, cell_id, value, state, reason, by, at FROM main.corrections WHERE report_id = ? ORDER BY id`,
    ).run(reportId, reportId);
    db.prepare(
      `INSERT INTO pkg.decisions (sha256, item_id, points, suggested, note, checklist, by, at)
       SELECT ${sha}, item_id, points, suggested, note, checklist, by, at FROM main.decisions WHERE report_id = ? ORDER BY id`,
    ).run(reportId, reportId);
    db.prepare(
      `INSERT INTO pkg.comments (sha256, item_id, text, by, at)
       SELECT ${sha}, item_id, text, by, at FROM main.comments WHERE report_id = ? ORDER BY id`,
    ).run(reportId, reportId);
    const facts = db
      .prepare(`SELECT kind, value, by, at FROM main.report_facts WHERE report_id = ? ORDER BY id`)
      .all(reportId) as FactRow[];
    const putFact = db.prepare(`INSERT INTO pkg.facts (sha256, kind, value, by, at) VALUES (${sha}, ?, ?, ?, ?)`);
    for (const f of facts) putFact.run(reportId, f.kind, factOut(db, f), f.by, f.at);
    return true;
  })();
}

/** The county checklists the packaged decisions were made on. */
export function copyChecklistsToPackage(db: Db): number {
  return db
    .prepare(
      `INSERT OR IGNORE INTO pkg.checklists (key, version, name, json, created_at)
       SELECT key, version, name, json, created_at FROM main.checklists
       WHERE key || '@' || version IN (SELECT DISTINCT checklist FROM pkg.decisions)`,
    )
    .run().changes;
}

// ---- reading a package ----

export function packageTables(db: Db): string[] {
  return (db.prepare(`SELECT name FROM pkg.sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map(
    (r) => r.name,
  );
}

export function packageQuickCheck(db: Db): string {
  const rows = db.pragma(`${ALIAS}.quick_check(5)`) as { quick_check: string }[];
  return rows.map((r) => r.quick_check).join('；');
}

export function readPackageMeta(db: Db): Record<string, string> {
  const rows = db.prepare('SELECT key, value FROM pkg.meta').all() as { key: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

export interface PackagedReport {
  sha256: string;
  organ: string | null;
  year: number | null;
  fileName: string;
  size: number;
}

export function listPackagedReports(db: Db): PackagedReport[] {
  return db
    .prepare('SELECT sha256, organ, year, file_name AS fileName, size FROM pkg.reports ORDER BY ord, sha256')
    .all() as PackagedReport[];
}

export function packagedOriginal(db: Db, sha256: string): Buffer | undefined {
  return (db.prepare('SELECT original FROM pkg.reports WHERE sha256 = ?').get(sha256) as { original: Buffer } | undefined)?.original;
}

/** County checklists from the package that this library lacks; an existing version is never rewritten. */
export function importPackagedChecklists(db: Db): number {
  return db
    .prepare(
      `INSERT OR IGNORE INTO main.checklists (key, version, name, json, created_at)
       SELECT key, version, name, json, created_at FROM pkg.checklists`,
    )
    .run().changes;
}

// ---- importing a report ----

export interface PackageConflict {
  reportId: number;
  organ: string | null;
  itemId: string;
  /** The decision in force here. */
  here: number;
  /** The other side's current decision. */
  there: number;
  thereBy: string;
  thereAt: string;
}

export interface ReportImportOutcome {
  kind: 'added' | 'merged';
  reportId: number;
  /** History rows appended from the package (re-statements of local rows not counted). */
  appended: number;
  conflicts: PackageConflict[];
}

/**
 * One packaged report into the library, in one transaction: inserted whole when its checksum is new here (the original,
 * already verified by the caller, passed in), else only its history merged; the original and parse of a report already
 * here are left as they are. Stated facts follow for all reports at once in importPackagedFacts.
 */
export function importPackagedReport(db: Db, sha256: string, original: Buffer, at: string): ReportImportOutcome {
  return db.transaction((): ReportImportOutcome => {
    const existing = db.prepare('SELECT id FROM main.reports WHERE sha256 = ?').get(sha256) as { id: number } | undefined;
    const reportId = existing?.id ?? insertWhole(db, sha256, original, at);
    let appended = 0;
    const conflicts: PackageConflict[] = [];
    for (const spec of HISTORY) {
      if (spec.table === 'report_facts') continue;
      const r = mergeHistory(db, spec, reportId, sha256);
      appended += r.appended;
      conflicts.push(...r.conflicts);
    }
    refreshStatus(db, reportId);
    return { kind: existing ? 'merged' : 'added', reportId, appended, conflicts };
  })();
}

/**
 * The stated facts of every packaged report, once all its reports are in: a 'previous' link may name a report that
 * comes later in the package. Returns the rows appended.
 */
export function importPackagedFacts(db: Db): number {
  return db.transaction((): number => {
    const spec = HISTORY.find((h) => h.table === 'report_facts')!;
    let appended = 0;
    for (const { sha256 } of listPackagedReports(db)) {
      const row = db.prepare('SELECT id FROM main.reports WHERE sha256 = ?').get(sha256) as { id: number } | undefined;
      if (row) appended += mergeHistory(db, spec, row.id, sha256).appended;
    }
    return appended;
  })();
}

function insertWhole(db: Db, sha256: string, original: Buffer, at: string): number {
  const r = db.prepare('SELECT organ, unit_level AS level FROM pkg.reports WHERE sha256 = ?').get(sha256) as {
    organ: string | null;
    level: string | null;
  };
  const unitId = ensureUnit(db, r.organ);
  // The unit's level as the other inspector set it, unless this library has one already.
  if (unitId !== null && r.level !== null)
    db.prepare('UPDATE main.units SET level = ? WHERE id = ? AND level IS NULL').run(r.level, unitId);
  const info = db
    .prepare(
      `INSERT INTO main.reports (unit_id, year, meta_locked, file_name, format, sha256, size, imported_at, parsed_at, template, title,
         published_at, status, uncertain_cells, problem_count, model_json)
       SELECT ?, year, meta_locked, file_name, format, sha256, size, ?, parsed_at, template, title,
         published_at, status, uncertain_cells, problem_count, model_json
       FROM pkg.reports WHERE sha256 = ?`,
    )
    .run(unitId, at, sha256);
  const id = Number(info.lastInsertRowid);
  db.prepare('INSERT INTO main.report_texts (report_id, text) SELECT ?, text FROM pkg.reports WHERE sha256 = ?').run(id, sha256);
  db.prepare('INSERT INTO main.originals (report_id, bytes) VALUES (?, ?)').run(id, original);
  db.prepare('INSERT INTO main.sections (report_id, no, title, text) SELECT ?, no, title, text FROM pkg.sections WHERE sha256 = ?').run(
    id,
    sha256,
  );
  db.prepare(
    `INSERT INTO main.cells (report_id, cell_id, value, state, raw, source_json, note, unit, ocr_json)
     SELECT ?, cell_id, value, state, raw, source_json, note, unit, ocr_json FROM pkg.cells WHERE sha256 = ?`,
  ).run(id, sha256);
  db.prepare(
    'INSERT INTO main.problems (report_id, kind, message) SELECT ?, kind, message FROM pkg.problems WHERE sha256 = ? ORDER BY seq',
  ).run(id, sha256);
  writeFts(db, id);
  return id;
}

// ---- merging the append-only history ----

interface HistorySpec {
  table: 'corrections' | 'decisions' | 'comments' | 'report_facts';
  pkgTable: 'corrections' | 'decisions' | 'comments' | 'facts';
  /** The column whose latest row is current (per cell, item or kind). */
  key: string;
  /** Every column but the ids: the row's identity across libraries. */
  cols: string[];
}

const HISTORY: readonly HistorySpec[] = [
  { table: 'corrections', pkgTable: 'corrections', key: 'cell_id', cols: ['cell_id', 'value', 'state', 'reason', 'by', 'at'] },
  { table: 'decisions', pkgTable: 'decisions', key: 'item_id', cols: ['item_id', 'points', 'suggested', 'note', 'checklist', 'by', 'at'] },
  { table: 'comments', pkgTable: 'comments', key: 'item_id', cols: ['item_id', 'text', 'by', 'at'] },
  { table: 'report_facts', pkgTable: 'facts', key: 'kind', cols: ['kind', 'value', 'by', 'at'] },
];

type Row = Record<string, unknown>;
type FactRow = { kind: string; value: string | null; by: string; at: string };

const identity = (spec: HistorySpec, r: Row): string => JSON.stringify(spec.cols.map((c) => r[c] ?? null));

function groupBy(spec: HistorySpec, rows: readonly Row[]): Map<unknown, Row[]> {
  const out = new Map<unknown, Row[]>();
  for (const r of rows) {
    const k = r[spec.key] ?? null;
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** A 'previous' fact as the package writes it: last year's report by checksum. */
function factOut(db: Db, f: FactRow): string | null {
  if (f.kind !== 'previous' || f.value === null || !/^\d+$/.test(f.value)) return f.value;
  const row = db.prepare('SELECT sha256 FROM main.reports WHERE id = ?').get(Number(f.value)) as { sha256: string } | undefined;
  return row ? `sha256:${row.sha256}` : null;
}

/** A packaged 'previous' fact in this library's terms; undefined when last year's report is not here (the fact is skipped). */
function factIn(db: Db, value: string | null): string | null | undefined {
  if (value === null || !value.startsWith('sha256:')) return value;
  const row = db.prepare('SELECT id FROM main.reports WHERE sha256 = ?').get(value.slice(7)) as { id: number } | undefined;
  return row ? String(row.id) : undefined;
}

function mergeHistory(db: Db, spec: HistorySpec, reportId: number, sha256: string): { appended: number; conflicts: PackageConflict[] } {
  const cols = spec.cols.join(', ');
  const facts = spec.table === 'report_facts';
  const local = db.prepare(`SELECT ${cols} FROM main.${spec.table} WHERE report_id = ? ORDER BY id`).all(reportId) as Row[];
  const incoming = db.prepare(`SELECT ${cols} FROM pkg.${spec.pkgTable} WHERE sha256 = ? ORDER BY seq`).all(sha256) as Row[];
  // Facts are compared in the package's terms (last year's report by checksum) and stored in this library's (by id).
  const wire = (r: Row): Row => (facts ? { ...r, value: factOut(db, r as FactRow) } : r);
  const have = new Set(local.map((r) => identity(spec, wire(r))));
  const localByKey = groupBy(spec, local);
  const insert = db.prepare(`INSERT INTO main.${spec.table} (report_id, ${cols}) VALUES (?, ${spec.cols.map(() => '?').join(', ')})`);
  const put = (r: Row) => insert.run(reportId, ...spec.cols.map((c) => r[c] ?? null));
  let appended = 0;
  const conflicts: PackageConflict[] = [];
  for (const [key, theirs] of groupBy(spec, incoming)) {
    const mine = localByKey.get(key);
    const hereNow = mine?.[mine.length - 1];
    const thereNow = theirs[theirs.length - 1]!;
    const ids = theirs.map((r) => identity(spec, r));
    const hereId = hereNow ? identity(spec, wire(hereNow)) : undefined;
    // The other side had our current row and then made a row of its own (not a mere re-statement): it decided knowing
    // ours, so its current row follows ours, as if made here. Otherwise the two have diverged and ours stays in force.
    const seenAt = hereId === undefined ? -1 : ids.lastIndexOf(hereId);
    const superseded = followedByNew(ids, seenAt);
    // And the other way round: we had their current row and made our own since (an old package imported again).
    const mineIds = (mine ?? []).map((r) => identity(spec, wire(r)));
    const stale = followedByNew(mineIds, mineIds.lastIndexOf(ids[ids.length - 1]!));
    const winner = !hereNow || superseded ? thereNow : hereNow;
    const rival = hereNow && !superseded && !stale;
    if (spec.table === 'decisions' && rival && Number(hereNow['points']) !== Number(thereNow['points'])) {
      conflicts.push({
        reportId,
        organ: organOf(db, reportId),
        itemId: String(key),
        here: Number(hereNow['points']),
        there: Number(thereNow['points']),
        thereBy: String(thereNow['by']),
        thereAt: String(thereNow['at']),
      });
    }
    let last: Row | undefined;
    for (const [k, r] of theirs.entries()) {
      // Each identity once: the other side's own re-statements are not copied (the one that matters is redone below).
      if (have.has(ids[k]!)) continue;
      const row = facts ? { ...r, value: factIn(db, r['value'] as string | null) } : r;
      // Last year's report is not in this library: the link cannot be stated here.
      if (facts && row['value'] === undefined) continue;
      put(row);
      have.add(ids[k]!);
      last = r;
      appended += 1;
    }
    // Whatever was appended, the row that should be in force must be the last one for its key: re-stated when it is not.
    if (last && identity(spec, last) !== identity(spec, winner === hereNow ? wire(winner) : winner)) {
      const restated = winner === hereNow || !facts ? winner : { ...winner, value: factIn(db, winner['value'] as string | null) };
      if (restated['value'] !== undefined || !facts) put(restated);
    }
  }
  return { appended, conflicts };
}

/** A row after position `at` that is not a re-statement of an earlier one: someone decided after seeing row `at`. */
function followedByNew(ids: readonly string[], at: number): boolean {
  return at >= 0 && ids.some((x, k) => k > at && !ids.slice(0, k).includes(x));
}

function organOf(db: Db, reportId: number): string | null {
  const row = db.prepare('SELECT u.name FROM main.reports r LEFT JOIN main.units u ON u.id = r.unit_id WHERE r.id = ?').get(reportId) as
    { name: string | null } | undefined;
  return row?.name ?? null;
}

// ---- conflicts, from the data alone ----

/**
 * Items where the decision in force here was re-stated after another inspector's different decision (see the file's
 * head): the current row has an identical earlier twin, and the row just before it (the other side's current decision
 * when it was imported) gives other points. Resolving one is deciding again: the new row is no re-statement.
 */
export function listDecisionConflicts(db: Db, reportIds?: readonly number[]): PackageConflict[] {
  const rows = db
    .prepare(
      `SELECT d.report_id AS reportId, d.item_id AS itemId, d.points, d.suggested, d.note, d.checklist, d.by, d.at
       FROM main.decisions d
       WHERE d.report_id IN (SELECT report_id FROM main.decisions
                             GROUP BY report_id, item_id, points, suggested, note, checklist, by, at HAVING count(*) > 1)
       ORDER BY d.report_id, d.id`,
    )
    .all() as (Decision & { reportId: number })[];
  const wanted = reportIds ? new Set(reportIds) : null;
  const groups = new Map<string, typeof rows>();
  for (const r of rows) {
    if (wanted && !wanted.has(r.reportId)) continue;
    const k = `${r.reportId}\u0000${r.itemId}`;
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  const same = (a: (typeof rows)[number], b: (typeof rows)[number]) =>
    a.points === b.points &&
    a.suggested === b.suggested &&
    a.note === b.note &&
    a.checklist === b.checklist &&
    a.by === b.by &&
    a.at === b.at;
  const out: PackageConflict[] = [];
  for (const list of groups.values()) {
    const now = list[list.length - 1]!;
    const before = list[list.length - 2];
    if (!before || !list.slice(0, -1).some((r) => same(r, now)) || before.points === now.points) continue;
    out.push({
      reportId: now.reportId,
      organ: organOf(db, now.reportId),
      itemId: now.itemId,
      here: now.points,
      there: before.points,
      thereBy: before.by,
      thereAt: before.at,
    });
  }
  return out;
}

/** Every report id of the library, oldest first (the command line's export of a whole library). */
export function listReportIds(db: Db): number[] {
  return (db.prepare('SELECT id FROM main.reports ORDER BY id').all() as { id: number }[]).map((r) => r.id);
}

/** Row counts of the tables a package import touches: what a second import of the same package must leave unchanged. */
export function historyCounts(db: Db): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of [
    'reports',
    'originals',
    'report_texts',
    'sections',
    'cells',
    'problems',
    'corrections',
    'decisions',
    'comments',
    'report_facts',
    'units',
    'checklists',
  ]) {
    out[t] = (db.prepare(`SELECT count(*) AS n FROM main.${t}`).get() as { n: number }).n;
  }
  return out;
}
