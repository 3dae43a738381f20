// The report model of contract.md: what `parse --json` prints and what the database stores.
import type { SourceFormat } from '../document/types';

export type TemplateVersion = 'v2021' | 'v2019' | 'hybrid' | 'unknown';

/** number: a printed number; blank: empty cell; dash: "/", "—", "无"…; missing: not found; ambiguous: found but not readable with certainty. */
export type CellState = 'number' | 'blank' | 'dash' | 'missing' | 'ambiguous';

/** Where a value came from, flattened for JSON (contract.md §3). */
export interface CellSource {
  page?: number;
  box?: [number, number, number, number];
  path?: string;
  line?: number;
}

export interface ParsedCell {
  value: number | null;
  state: CellState;
  /** The printed text the value was read from (a digit run may be shared by several cells). */
  raw: string | null;
  source: CellSource | null;
  /** Why a cell is ambiguous or missing, in Chinese, for the inspector. */
  note?: string;
  /** Unit printed inside the cell ("元"), when any. */
  unit?: string;
  /** Read by OCR from a page image: the lowest character confidence (0–100), and when the arithmetic of the tables
   * chose the value over what was read (repaired), the text as read. Shown so the inspector checks these first. */
  ocr?: { confidence: number; repaired?: boolean; read?: string };
}

export interface Section {
  no: number;
  title: string;
  text: string;
}

/** A paragraph of prose as printed (tables excluded), with its section (1–6, null outside them) and place in the document. */
export interface Paragraph {
  text: string;
  section: number | null;
  source: CellSource | null;
}

export interface ReportModel {
  file: string;
  format: SourceFormat;
  title: string | null;
  organ: string | null;
  year: number | null;
  template: TemplateVersion;
  publishedAt: string | null;
  sections: Section[];
  cells: Record<string, ParsedCell>;
  /** The prose, paragraph by paragraph, for the checks' evidence; absent in models stored before it was kept. */
  paragraphs?: Paragraph[];
  /** Reader and parser problems worth showing (needs OCR, partial read…). */
  problems: { kind: string; message: string }[];
}
