// Cells as the inspector sees them: parsed values with the current correction merged, and the append-only correction history.
import type { CellSource, CellState } from '../../shared/model/report';
import type { CellView, Correction } from '../../shared/ipc/contract';
import { stmt, type Db } from './connection';
import { refreshStatus } from './reports-repo';

interface CellRow {
  cellId: string;
  value: number | null;
  state: CellState;
  raw: string | null;
  sourceJson: string | null;
  note: string | null;
  unit: string | null;
  ocrJson: string | null;
}

/** A correction row is selected in exactly the contract's shape. */
type CorrectionRow = Correction;

const CORRECTION_COLUMNS = 'id, cell_id AS cellId, value, state, reason, by, at';

function toCellView(row: CellRow, corrected: Correction | undefined): CellView {
  const view: CellView = {
    id: row.cellId,
    value: row.value,
    state: row.state,
    raw: row.raw,
    source: row.sourceJson ? (JSON.parse(row.sourceJson) as CellSource) : null,
  };
  if (row.note !== null) view.note = row.note;
  if (row.unit !== null) view.unit = row.unit;
  if (row.ocrJson !== null) view.ocr = JSON.parse(row.ocrJson) as NonNullable<CellView['ocr']>;
  if (corrected) view.corrected = corrected;
  return view;
}

/** The current (latest) correction of every corrected cell of a report. */
export function currentCorrections(db: Db, reportId: number): Map<string, Correction> {
  const rows = stmt(
    db,
    `SELECT ${CORRECTION_COLUMNS} FROM corrections k WHERE report_id = ?
         AND id = (SELECT max(id) FROM corrections WHERE report_id = k.report_id AND cell_id = k.cell_id)`,
  ).all(reportId) as CorrectionRow[];
  return new Map(rows.map((r) => [r.cellId, r]));
}

/** Every cell of a report; a corrected cell keeps its parsed value and carries the correction beside it. */
export function listCells(db: Db, reportId: number): Record<string, CellView> {
  const rows = db
    .prepare(
      'SELECT cell_id AS cellId, value, state, raw, source_json AS sourceJson, note, unit, ocr_json AS ocrJson FROM cells WHERE report_id = ? ORDER BY cell_id',
    )
    .all(reportId) as CellRow[];
  const corrections = currentCorrections(db, reportId);
  const out: Record<string, CellView> = {};
  for (const row of rows) out[row.cellId] = toCellView(row, corrections.get(row.cellId));
  // A correction of a cell the latest parse no longer produces stays visible rather than vanishing.
  for (const [cellId, c] of corrections) {
    if (!out[cellId])
      out[cellId] = toCellView(
        { cellId, value: null, state: 'missing', raw: null, sourceJson: null, note: null, unit: null, ocrJson: null },
        c,
      );
  }
  return out;
}

export function getCell(db: Db, reportId: number, cellId: string): CellView | undefined {
  return listCells(db, reportId)[cellId];
}

export interface NewCorrection {
  reportId: number;
  cellId: string;
  value: number | null;
  state: CellState;
  reason: string;
  by: string;
  at?: string;
}

/** Appends a correction (never updates one) and refreshes the report's status. */
export function addCorrection(db: Db, c: NewCorrection): Correction {
  return db.transaction((): Correction => {
    const at = c.at ?? new Date().toISOString();
    const info = db
      .prepare('INSERT INTO corrections (report_id, cell_id, value, state, reason, by, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(c.reportId, c.cellId, c.value, c.state, c.reason.trim(), c.by, at);
    refreshStatus(db, c.reportId);
    return { id: Number(info.lastInsertRowid), cellId: c.cellId, value: c.value, state: c.state, reason: c.reason.trim(), by: c.by, at };
  })();
}

/** All corrections of one cell, newest first. */
export function correctionHistory(db: Db, reportId: number, cellId: string): Correction[] {
  return db
    .prepare(`SELECT ${CORRECTION_COLUMNS} FROM corrections WHERE report_id = ? AND cell_id = ? ORDER BY id DESC`)
    .all(reportId, cellId) as CorrectionRow[];
}

export function listProblems(db: Db, reportId: number): { kind: string; message: string }[] {
  return stmt(db, 'SELECT kind, message FROM problems WHERE report_id = ? ORDER BY id').all(reportId) as {
    kind: string;
    message: string;
  }[];
}

export function hasCell(db: Db, reportId: number, cellId: string): boolean {
  return db.prepare('SELECT 1 FROM cells WHERE report_id = ? AND cell_id = ?').get(reportId, cellId) !== undefined;
}
