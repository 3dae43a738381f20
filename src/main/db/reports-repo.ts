// Writes and reads whole reports: one transaction per imported report, re-parse that keeps corrections, delete, bulk unit/year.
import type { ParsedCell, ReportModel } from '../../shared/model/report';
import type { SourceFormat } from '../../shared/document/types';
import type { ReportStatus } from '../../shared/ipc/contract';
import { stmt, type Db } from './connection';
import { deleteGrams, writeGrams } from './grams';

export interface NewReport {
  fileName: string;
  format: SourceFormat;
  sha256: string;
  size: number;
  bytes: Uint8Array;
  model: ReportModel;
  /** Reader and parser problems, already de-duplicated. */
  problems: { kind: string; message: string }[];
  /** Text for full-text search (the whole document when available). */
  text: string;
  /** ISO timestamp; now when absent. */
  at?: string;
}

export interface ReportRow {
  id: number;
  unitId: number | null;
  organ: string | null;
  year: number | null;
  metaLocked: boolean;
  fileName: string;
  format: SourceFormat;
  sha256: string;
  size: number;
  importedAt: string;
  parsedAt: string;
  template: ReportModel['template'];
  title: string | null;
  publishedAt: string | null;
  status: ReportStatus;
  uncertainCells: number;
  problemCount: number;
  correctionCount: number;
}

export type InsertOutcome = { kind: 'imported'; reportId: number } | { kind: 'duplicate'; reportId: number };

const ROW_SELECT = `
SELECT r.id, r.unit_id AS unitId, u.name AS organ, r.year, r.meta_locked AS metaLocked, r.file_name AS fileName,
  r.format, r.sha256, r.size, r.imported_at AS importedAt, r.parsed_at AS parsedAt, r.template, r.title,
  r.published_at AS publishedAt, r.status, r.uncertain_cells AS uncertainCells, r.problem_count AS problemCount,
  (SELECT count(DISTINCT k.cell_id) FROM corrections k WHERE k.report_id = r.id) AS correctionCount
FROM reports r LEFT JOIN units u ON u.id = r.unit_id`;

export function toReportRow(raw: Record<string, unknown>): ReportRow {
  return { ...(raw as unknown as ReportRow), metaLocked: raw['metaLocked'] === 1 };
}

export function findReportBySha(db: Db, sha256: string): number | undefined {
  const row = stmt(db, 'SELECT id FROM reports WHERE sha256 = ?').get(sha256) as { id: number } | undefined;
  return row?.id;
}

export function getReportRow(db: Db, id: number): ReportRow | undefined {
  const raw = stmt(db, `${ROW_SELECT} WHERE r.id = ?`).get(id) as Record<string, unknown> | undefined;
  return raw ? toReportRow(raw) : undefined;
}

/** The parsed model as the parser produced it (corrections are not merged here): the stored rest plus cells and sections. */
export function getReportModel(db: Db, id: number): ReportModel | undefined {
  const row = stmt(db, 'SELECT model_json AS json FROM reports WHERE id = ?').get(id) as { json: string } | undefined;
  if (!row) return undefined;
  const model = JSON.parse(row.json) as ReportModel;
  model.sections = stmt(db, 'SELECT no, title, text FROM sections WHERE report_id = ? ORDER BY no').all(id) as ReportModel['sections'];
  model.cells = {};
  const cells = stmt(
    db,
    'SELECT cell_id AS id, value, state, raw, source_json AS source, note, unit, ocr_json AS ocr FROM cells WHERE report_id = ? ORDER BY cell_id',
  ).all(id) as {
    id: string;
    value: number | null;
    state: ParsedCell['state'];
    raw: string | null;
    source: string | null;
    note: string | null;
    unit: string | null;
    ocr: string | null;
  }[];
  for (const c of cells) {
    const cell: ParsedCell = {
      value: c.value,
      state: c.state,
      raw: c.raw,
      source: c.source ? (JSON.parse(c.source) as ParsedCell['source']) : null,
    };
    if (c.note !== null) cell.note = c.note;
    if (c.unit !== null) cell.unit = c.unit;
    if (c.ocr !== null) cell.ocr = JSON.parse(c.ocr) as NonNullable<ParsedCell['ocr']>;
    model.cells[c.id] = cell;
  }
  return model;
}

export function getReportText(db: Db, id: number): string | undefined {
  return (db.prepare('SELECT text FROM report_texts WHERE report_id = ?').get(id) as { text: string } | undefined)?.text;
}

/** What model_json keeps: everything but cells and sections, which have their own tables (the prose paragraphs stay here). */
function modelRest(model: ReportModel): string {
  return JSON.stringify({ ...model, cells: {}, sections: [] });
}

export function getOriginal(db: Db, id: number): Buffer | undefined {
  const row = db.prepare('SELECT bytes FROM originals WHERE report_id = ?').get(id) as { bytes: Buffer } | undefined;
  return row?.bytes;
}

export function countReports(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n;
}

/** The unit row for an organ name, created on first use. Blank names mean "unknown unit". */
export function ensureUnit(db: Db, name: string | null | undefined): number | null {
  const clean = (name ?? '').replace(/\s+/g, ' ').trim();
  if (!clean) return null;
  db.prepare('INSERT INTO units (name) VALUES (?) ON CONFLICT (name) DO NOTHING').run(clean);
  return (db.prepare('SELECT id FROM units WHERE name = ?').get(clean) as { id: number }).id;
}

/**
 * Stores a parsed report with its original, cells, sections, problems and index row — all or nothing.
 * A file whose checksum is already in the library is a duplicate and changes nothing.
 */
export function insertReport(db: Db, r: NewReport): InsertOutcome {
  return db.transaction((): InsertOutcome => {
    const existing = findReportBySha(db, r.sha256);
    if (existing !== undefined) return { kind: 'duplicate', reportId: existing };
    const at = r.at ?? new Date().toISOString();
    const unitId = ensureUnit(db, r.model.organ);
    const info = db
      .prepare(
        `INSERT INTO reports (unit_id, year, file_name, format, sha256, size, imported_at, parsed_at, template, title,
           published_at, status, model_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'imported', ?)`,
      )
      .run(
        unitId,
        r.model.year,
        r.fileName,
        r.format,
        r.sha256,
        r.size,
        at,
        at,
        r.model.template,
        r.model.title,
        r.model.publishedAt,
        modelRest(r.model),
      );
    const id = Number(info.lastInsertRowid);
    db.prepare('INSERT INTO report_texts (report_id, text) VALUES (?, ?)').run(id, r.text);
    db.prepare('INSERT INTO originals (report_id, bytes) VALUES (?, ?)').run(
      id,
      Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength),
    );
    writeParsed(db, id, r.model, r.problems);
    writeFts(db, id);
    refreshStatus(db, id);
    return { kind: 'imported', reportId: id };
  })();
}

/** Sections, cells and problems of one parse; callers clear the old ones first. */
function writeParsed(db: Db, id: number, model: ReportModel, problems: NewReport['problems']): void {
  const section = db.prepare('INSERT OR REPLACE INTO sections (report_id, no, title, text) VALUES (?, ?, ?, ?)');
  for (const s of model.sections) section.run(id, s.no, s.title, s.text);
  const cell = db.prepare(
    'INSERT OR REPLACE INTO cells (report_id, cell_id, value, state, raw, source_json, note, unit, ocr_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const [cellId, c] of Object.entries(model.cells)) {
    const value = typeof c.value === 'number' && Number.isFinite(c.value) ? c.value : null;
    cell.run(
      id,
      cellId,
      value,
      c.state,
      c.raw,
      c.source ? JSON.stringify(c.source) : null,
      c.note ?? null,
      c.unit ?? null,
      c.ocr ? JSON.stringify(c.ocr) : null,
    );
  }
  const problem = db.prepare('INSERT INTO problems (report_id, kind, message) VALUES (?, ?, ?)');
  for (const p of problems) problem.run(id, p.kind, p.message);
  db.prepare('UPDATE reports SET problem_count = ? WHERE id = ?').run(problems.length, id);
}

/** Rewrites the full-text rows of a report (trigram and short-term index) from its current title, unit and text. */
export function writeFts(db: Db, id: number): void {
  writeGrams(db, id);
  db.prepare('DELETE FROM reports_fts WHERE rowid = ?').run(id);
  db.prepare(
    `INSERT INTO reports_fts (rowid, title, organ, body)
     SELECT r.id, coalesce(r.title, ''), coalesce(u.name, ''), coalesce(t.text, '')
     FROM reports r LEFT JOIN units u ON u.id = r.unit_id LEFT JOIN report_texts t ON t.report_id = r.id WHERE r.id = ?`,
  ).run(id);
}

/** Recounts uncertain cells (current correction wins over the parsed state) and sets the status; 'graded' is kept. */
export function refreshStatus(db: Db, id: number): void {
  const { n } = db
    .prepare(
      `SELECT count(*) AS n FROM cells c WHERE c.report_id = ? AND coalesce(
         (SELECT k.state FROM corrections k WHERE k.report_id = c.report_id AND k.cell_id = c.cell_id ORDER BY k.id DESC LIMIT 1),
         c.state) IN ('ambiguous', 'missing')`,
    )
    .get(id) as { n: number };
  db.prepare(
    `UPDATE reports SET uncertain_cells = ?,
       status = CASE WHEN status = 'graded' THEN 'graded' WHEN ? > 0 OR problem_count > 0 THEN 'needs-attention' ELSE 'imported' END
     WHERE id = ?`,
  ).run(n, n, id);
}

/**
 * Replaces what the parser produced (cells, sections, problems, model, text) after a parser upgrade.
 * Corrections are not touched; unit and year follow the new parse unless the inspector set them by hand.
 */
export function reparseReport(db: Db, id: number, r: Pick<NewReport, 'model' | 'problems' | 'text' | 'at'>): boolean {
  return db.transaction((): boolean => {
    const row = getReportRow(db, id);
    if (!row) return false;
    for (const table of ['sections', 'cells', 'problems'] as const) {
      db.prepare(`DELETE FROM ${table} WHERE report_id = ?`).run(id);
    }
    const at = r.at ?? new Date().toISOString();
    db.prepare(`UPDATE reports SET parsed_at = ?, template = ?, title = ?, published_at = ?, model_json = ? WHERE id = ?`).run(
      at,
      r.model.template,
      r.model.title,
      r.model.publishedAt,
      modelRest(r.model),
      id,
    );
    db.prepare('INSERT OR REPLACE INTO report_texts (report_id, text) VALUES (?, ?)').run(id, r.text);
    if (!row.metaLocked) {
      db.prepare('UPDATE reports SET unit_id = ?, year = ? WHERE id = ?').run(ensureUnit(db, r.model.organ), r.model.year, id);
    }
    writeParsed(db, id, r.model, r.problems);
    writeFts(db, id);
    refreshStatus(db, id);
    return true;
  })();
}

export function deleteReport(db: Db, id: number): boolean {
  return db.transaction(() => {
    db.prepare('DELETE FROM reports_fts WHERE rowid = ?').run(id);
    deleteGrams(db, id);
    return db.prepare('DELETE FROM reports WHERE id = ?').run(id).changes > 0;
  })();
}

/** Corrects unit and/or year of many reports at once; marks them so a re-parse keeps the inspector's choice. */
export function setReportMeta(db: Db, ids: readonly number[], meta: { organ?: string; year?: number }): number {
  return db.transaction(() => {
    const unitId = meta.organ !== undefined ? ensureUnit(db, meta.organ) : undefined;
    let updated = 0;
    const setUnit = db.prepare('UPDATE reports SET unit_id = ?, meta_locked = 1 WHERE id = ?');
    const setYear = db.prepare('UPDATE reports SET year = ?, meta_locked = 1 WHERE id = ?');
    for (const id of new Set(ids)) {
      let changes = 0;
      if (unitId !== undefined) changes += setUnit.run(unitId, id).changes;
      if (meta.year !== undefined) changes += setYear.run(meta.year, id).changes;
      if (changes > 0) {
        updated += 1;
        if (unitId !== undefined) writeFts(db, id);
      }
    }
    return updated;
  })();
}
