// The one typed contract between the renderer and the services: every channel, its argument, its result, and every pushed event.
import type { CellState, CheckResult, ParsedCell, ReportModel, TemplateVersion } from '../model/report';
import type { SourceFormat } from '../document/types';

/** Closed set of error kinds the UI can switch on (style.md §2). */
export type ErrorKind =
  | 'unsupported-format'
  | 'corrupt-file'
  | 'password-protected'
  | 'not-a-report'
  | 'not-found'
  | 'invalid-input'
  | 'cancelled'
  | 'db'
  | 'internal';

export interface AppError {
  kind: ErrorKind;
  /** Chinese, for the user. */
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export type ReportStatus = 'imported' | 'needs-attention' | 'graded';

export interface ReportSummary {
  id: number;
  fileName: string;
  format: SourceFormat;
  organ: string | null;
  year: number | null;
  template: TemplateVersion;
  publishedAt: string | null;
  status: ReportStatus;
  importedAt: string;
  /** Cells that are ambiguous or missing. */
  uncertainCells: number;
  /** Problems found on import (needs OCR, partial read…). */
  problemCount: number;
  correctionCount: number;
}

export interface LibraryQuery {
  year?: number;
  organ?: string;
  status?: ReportStatus;
  /** Full-text query over report text; hits come back with highlighted snippets. */
  text?: string;
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  reportId: number;
  /** Snippet with the hit wrapped in «» (the renderer turns it into <mark>). */
  snippet: string;
}

export interface LibraryPage {
  reports: ReportSummary[];
  total: number;
  hits: SearchHit[];
  years: number[];
  organs: string[];
}

export interface Correction {
  id: number;
  cellId: string;
  value: number | null;
  state: CellState;
  reason: string;
  by: string;
  at: string;
}

/** A cell as the review screen shows it: the parsed cell plus the inspector's current correction. */
export interface CellView extends ParsedCell {
  id: string;
  corrected?: Correction;
}

export interface ReportDetail {
  summary: ReportSummary;
  model: ReportModel;
  cells: Record<string, CellView>;
  checks: CheckResult[];
  problems: { kind: string; message: string }[];
}

/** The source as the review screen shows it. Never raw document HTML: sanitized, scripts and remote content removed. */
export type SourceView = { format: 'pdf'; base64: string } | { format: 'html' | 'docx' | 'doc' | 'wps' | 'txt'; html: string };

export interface ImportSummary {
  jobId: string;
  imported: { file: string; reportId: number }[];
  duplicates: { file: string; reportId: number }[];
  failed: { file: string; reason: string }[];
  skipped: { file: string; reason: string }[];
  cancelled: boolean;
}

export interface ImportProgress {
  jobId: string;
  stage: 'scanning' | 'reading' | 'parsing' | 'saving' | 'done';
  current: number;
  total: number;
  file?: string;
  /** Outcome of the file just finished. */
  outcome?: 'imported' | 'duplicate' | 'failed' | 'skipped';
  reason?: string;
}

/** Channel → argument and result. Main registers handlers for exactly these; the preload exposes exactly these. */
export interface Channels {
  'library:list': { arg: LibraryQuery; result: LibraryPage };
  'report:get': { arg: { id: number }; result: ReportDetail };
  'report:source': { arg: { id: number }; result: SourceView };
  'report:set-meta': { arg: { ids: number[]; organ?: string; year?: number }; result: { updated: number } };
  'report:delete': { arg: { id: number }; result: { deleted: boolean } };
  'cell:correct': {
    arg: { reportId: number; cellId: string; value: number | null; state: CellState; reason: string };
    result: CellView;
  };
  'cell:history': { arg: { reportId: number; cellId: string }; result: Correction[] };
  'import:start': { arg: { paths: string[] }; result: { jobId: string } };
  'import:cancel': { arg: { jobId: string }; result: { cancelled: boolean } };
  /** Opens a native chooser (files or a folder) and returns the chosen paths; [] when cancelled. */
  'dialog:open': { arg: { kind: 'files' | 'folder' }; result: { paths: string[] } };
  'db:info': { arg: Record<string, never>; result: { path: string; reports: number } };
  'db:backup': { arg: { path?: string }; result: { path: string } };
}

export type Channel = keyof Channels;
export type ChannelArg<C extends Channel> = Channels[C]['arg'];
export type ChannelResult<C extends Channel> = Channels[C]['result'];

/** Events pushed from main to the renderer. */
export interface Events {
  'import:progress': ImportProgress;
  'import:done': ImportSummary;
}
export type EventName = keyof Events;

export const CHANNELS: readonly Channel[] = [
  'library:list',
  'report:get',
  'report:source',
  'report:set-meta',
  'report:delete',
  'cell:correct',
  'cell:history',
  'import:start',
  'import:cancel',
  'dialog:open',
  'db:info',
  'db:backup',
] as const;

export const EVENTS: readonly EventName[] = ['import:progress', 'import:done'] as const;

export function isChannel(x: unknown): x is Channel {
  return typeof x === 'string' && (CHANNELS as readonly string[]).includes(x);
}

export function isEventName(x: unknown): x is EventName {
  return typeof x === 'string' && (EVENTS as readonly string[]).includes(x);
}

/** The services behind the channels: one async function per channel, same in Electron and the loopback test host. */
export type Handlers = { [C in Channel]: (arg: ChannelArg<C>) => Promise<ChannelResult<C>> };

/** The API the renderer sees (window.api in Electron, an HTTP client in browser tests). */
export interface Api {
  invoke<C extends Channel>(channel: C, arg: ChannelArg<C>): Promise<Result<ChannelResult<C>>>;
  on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void;
}
