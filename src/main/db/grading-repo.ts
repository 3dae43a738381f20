// The inspector's grading facts: decisions, comments, stated facts (append-only), county checklists, settings, unit
// levels, and the keyed cache of derived totals for the library list.
import type { Comment, Decision, GradingState } from '../../shared/grading/assessment';
import type { UnitLevel } from '../../shared/checks/types';
import { stmt, type Db } from './connection';

/** A decision to append: the stored shape, for one report, stamped now unless a time is given. */
export type NewDecision = Omit<Decision, 'at'> & { reportId: number; at?: string };

const DECISION_COLUMNS = 'id, item_id AS itemId, points, suggested, note, checklist, by, at';

export function addDecision(db: Db, d: NewDecision): void {
  stmt(db, 'INSERT INTO decisions (report_id, item_id, points, suggested, note, checklist, by, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    d.reportId,
    d.itemId,
    d.points,
    d.suggested,
    d.note.trim(),
    d.checklist,
    d.by,
    d.at ?? new Date().toISOString(),
  );
}

/** Every decision of a report in the order made (the latest per item is current). */
export function listDecisions(db: Db, reportId: number): (Decision & { id: number })[] {
  return stmt(db, `SELECT ${DECISION_COLUMNS} FROM decisions WHERE report_id = ? ORDER BY id`).all(reportId) as (Decision & {
    id: number;
  })[];
}

export function addComment(db: Db, c: { reportId: number; itemId: string | null; text: string; by: string; at?: string }): void {
  stmt(db, 'INSERT INTO comments (report_id, item_id, text, by, at) VALUES (?, ?, ?, ?, ?)').run(
    c.reportId,
    c.itemId,
    c.text,
    c.by,
    c.at ?? new Date().toISOString(),
  );
}

export function listComments(db: Db, reportId: number): (Comment & { id: number })[] {
  return stmt(db, 'SELECT id, item_id AS itemId, text, by, at FROM comments WHERE report_id = ? ORDER BY id').all(reportId) as (Comment & {
    id: number;
  })[];
}

export type FactKind = 'previous' | 'published';

export function addFact(db: Db, f: { reportId: number; kind: FactKind; value: string | null; by: string; at?: string }): void {
  stmt(db, 'INSERT INTO report_facts (report_id, kind, value, by, at) VALUES (?, ?, ?, ?, ?)').run(
    f.reportId,
    f.kind,
    f.value,
    f.by,
    f.at ?? new Date().toISOString(),
  );
}

/** The latest stated value of a fact; undefined when never stated (null when stated back to automatic). */
export function currentFact(db: Db, reportId: number, kind: FactKind): string | null | undefined {
  const row = stmt(db, 'SELECT value FROM report_facts WHERE report_id = ? AND kind = ? ORDER BY id DESC LIMIT 1').get(reportId, kind) as
    { value: string | null } | undefined;
  return row === undefined ? undefined : row.value;
}

export interface StoredChecklist {
  key: string;
  version: number;
  name: string;
  json: string;
  createdAt: string;
}

export function listStoredChecklists(db: Db): StoredChecklist[] {
  return stmt(
    db,
    'SELECT key, version, name, json, created_at AS createdAt FROM checklists ORDER BY key, version',
  ).all() as StoredChecklist[];
}

export function getStoredChecklist(db: Db, key: string, version: number): StoredChecklist | undefined {
  return stmt(db, 'SELECT key, version, name, json, created_at AS createdAt FROM checklists WHERE key = ? AND version = ?').get(
    key,
    version,
  ) as StoredChecklist | undefined;
}

export function insertChecklist(db: Db, c: Omit<StoredChecklist, 'createdAt'>): void {
  stmt(db, 'INSERT INTO checklists (key, version, name, json, created_at) VALUES (?, ?, ?, ?, ?)').run(
    c.key,
    c.version,
    c.name,
    c.json,
    new Date().toISOString(),
  );
}

export function getSetting(db: Db, key: string): string | undefined {
  return (stmt(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

export function setSetting(db: Db, key: string, value: string): void {
  stmt(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function unitLevelOf(db: Db, reportId: number): UnitLevel | null {
  const row = stmt(db, 'SELECT u.level FROM reports r JOIN units u ON u.id = r.unit_id WHERE r.id = ?').get(reportId) as
    { level: UnitLevel | null } | undefined;
  return row?.level ?? null;
}

/** What grading depends on, as versions: any change to any of them changes the key (and so invalidates the cache). */
export function gradingInputs(db: Db, reportId: number, previousId: number | null): string {
  const v = stmt(
    db,
    `SELECT r.parsed_at AS parsed, r.year, r.unit_id AS unit, r.published_at AS published,
         (SELECT max(id) FROM corrections WHERE report_id = r.id) AS corr,
         (SELECT max(id) FROM decisions WHERE report_id = r.id) AS dec,
         (SELECT max(id) FROM comments WHERE report_id = r.id) AS com,
         (SELECT max(id) FROM report_facts WHERE report_id = r.id) AS fact,
         (SELECT level FROM units WHERE id = r.unit_id) AS level
       FROM reports r WHERE r.id = ?`,
  ).get(reportId) as Record<string, unknown> | undefined;
  const prev =
    previousId === null
      ? null
      : db
          .prepare(
            `SELECT r.parsed_at AS parsed, (SELECT max(id) FROM corrections WHERE report_id = r.id) AS corr FROM reports r WHERE r.id = ?`,
          )
          .get(previousId);
  const peers = stmt(db, `SELECT count(*) AS n, max(id) AS last, max(parsed_at) AS parsed FROM reports WHERE year IS ? AND id != ?`).get(
    v?.['year'] ?? null,
    reportId,
  );
  return JSON.stringify([v, previousId, prev, peers]);
}

export interface CachedGrading {
  inputs: string;
  state: GradingState;
  total: number;
  grade: string;
  secondLook: number;
}

export function getGradingCache(db: Db, reportId: number): CachedGrading | undefined {
  return stmt(db, 'SELECT inputs, state, total, grade, second_look AS secondLook FROM grading_cache WHERE report_id = ?').get(reportId) as
    CachedGrading | undefined;
}

export function putGradingCache(db: Db, reportId: number, c: CachedGrading): void {
  stmt(
    db,
    `INSERT INTO grading_cache (report_id, inputs, state, total, grade, second_look) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (report_id) DO UPDATE SET inputs = excluded.inputs, state = excluded.state, total = excluded.total,
       grade = excluded.grade, second_look = excluded.second_look`,
  ).run(reportId, c.inputs, c.state, c.total, c.grade, c.secondLook);
}

/** Reports of a year (or all), for grading a whole library or finding last year's report and the peers. */
export function reportsOfYear(db: Db, year: number | null): { id: number; organ: string | null; year: number | null; fileName: string }[] {
  return stmt(
    db,
    `SELECT r.id, u.name AS organ, r.year, r.file_name AS fileName FROM reports r LEFT JOIN units u ON u.id = r.unit_id
       WHERE r.year IS ? ORDER BY r.id`,
  ).all(year) as { id: number; organ: string | null; year: number | null; fileName: string }[];
}

/** A version of one year's set of reports: changes when a report of the year is added, removed or re-parsed. */
export function yearVersion(db: Db, year: number): string {
  return JSON.stringify(stmt(db, 'SELECT count(*) AS n, max(id) AS last, max(parsed_at) AS parsed FROM reports WHERE year = ?').get(year));
}
