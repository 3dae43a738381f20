// The one typed contract between the renderer and the services: every channel, its argument, its result, and every pushed event.
import type { CellState, ParsedCell, ReportModel, TemplateVersion } from '../model/report';
import type { CheckResult, UnitLevel } from '../checks/types';
import type { Checklist } from '../grading/checklist';
import type { Assessment, GradingState } from '../grading/assessment';
import type { RankRow } from '../grading/ranking';
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
  /** Grading as it stands: 未评分 / 评审中 / 已评分 and the total (the inspector's points where decided, else suggested). */
  grading: { state: GradingState; total: number; grade: string; secondLook: number } | null;
  /** Why the report needs attention (uncertain cells, import problems), one short Chinese line each. */
  attention: string[];
  /** Other files of the same report (a saved page and its text, the same report as Word and PDF). */
  sameAs: number[];
}

export interface LibraryQuery {
  year?: number;
  organ?: string;
  status?: ReportStatus;
  grading?: GradingState;
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
  /** Every check of the catalog, run on the effective cells (corrections applied) just now. */
  checks: CheckResult[];
  problems: { kind: string; message: string }[];
}

/** A report the grading compares with (last year's, a peer). */
export interface ReportRef {
  id: number;
  organ: string | null;
  year: number | null;
  fileName: string;
}

/** The grading panel's data: the assessment (suggestions merged with decisions) and what it rests on. */
export interface GradingView {
  reportId: number;
  assessment: Assessment;
  checks: CheckResult[];
  checklist: { ref: string; name: string };
  /** Last year's report of the same unit: found automatically, linked by hand, or none (unlinked by hand). */
  previous: { report: ReportRef | null; how: 'auto' | 'manual' | 'none' };
  /** Candidates for a manual link: the library's reports of the year before. */
  previousCandidates: ReportRef[];
  publishedAt: { date: string | null; source: 'document' | 'inspector' | 'unknown' };
  unitLevel: UnitLevel;
}

export interface DecisionRecord {
  kind: 'points' | 'comment';
  itemId: string | null;
  /** points: the item's points before (the suggestion when first decided) and after. */
  from: number | null;
  to: number | null;
  text: string;
  by: string;
  at: string;
}

export interface ChecklistInfo {
  ref: string;
  id: string;
  version: number;
  name: string;
  builtin: boolean;
}

export interface Settings {
  /** Publication deadline per unit level, MM-DD of the year after the report year. */
  deadlines: Record<UnitLevel, string>;
  /** The checklist grading uses now (id@version). */
  checklist: string;
  /** Name decisions and corrections are signed with. */
  inspector: string;
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
  /** Pages done of pages to read by OCR in the file being parsed (a scan), while it is being parsed. */
  pages?: { current: number; total: number };
  /** Outcome of the file just finished. */
  outcome?: 'imported' | 'duplicate' | 'failed' | 'skipped';
  reason?: string;
}

/** Which reports a batch covers: the given ids, or every report of a year. */
export interface BatchSelection {
  reportIds?: number[];
  year?: number;
  /** Ranking order (highest total first) or unit order (by name). */
  order?: 'ranking' | 'unit';
}

/** Long work (batch sheets, Excel, packages) reports progress like the import does. */
export interface JobProgress {
  jobId: string;
  kind: 'sheets' | 'xlsx' | 'package-export' | 'package-import';
  current: number;
  total: number;
  /** Chinese, e.g. the unit whose sheet is being laid out. */
  label?: string;
  done?: boolean;
  error?: string;
}

/** One unit's line of the county ranking (排名). */
export type RankingRow = RankRow;

export interface PackageImportSummary {
  /** Reports new to this library. */
  added: number;
  /** Reports already here (same checksum): their decisions and corrections merged. */
  merged: number;
  /** Decisions, comments and corrections appended from the package. */
  appended: number;
  /** Items where both sides decided differently: both kept, shown to the inspector. */
  conflicts: { reportId: number; organ: string | null; itemId: string; here: number; there: number; thereBy: string }[];
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
  'grade:get': { arg: { reportId: number }; result: GradingView };
  /** Confirms or sets an item's points; a value other than the suggestion needs a note. */
  'grade:decide': { arg: { reportId: number; itemId: string; points: number; note?: string }; result: GradingView };
  /** A comment on an item, or on the whole report when itemId is null. */
  'grade:comment': { arg: { reportId: number; itemId: string | null; text: string }; result: GradingView };
  'grade:history': { arg: { reportId: number }; result: DecisionRecord[] };
  /** Links last year's report by hand (previousId), unlinks it (null), or goes back to the automatic choice ('auto'). */
  'grade:link-previous': { arg: { reportId: number; previousId: number | null | 'auto' }; result: GradingView };
  /** The publish date the inspector knows (YYYY-MM-DD), or null to use the document's again. */
  'grade:set-published': { arg: { reportId: number; date: string | null }; result: GradingView };
  'checklist:list': { arg: Record<string, never>; result: { active: string; checklists: ChecklistInfo[] } };
  'checklist:get': { arg: { ref: string }; result: Checklist };
  /** Saves a county's checklist (validated; refused with the reasons) and makes it the active one. */
  'checklist:save': { arg: { checklist: unknown }; result: ChecklistInfo };
  'checklist:activate': { arg: { ref: string }; result: { active: string } };
  'settings:get': { arg: Record<string, never>; result: Settings };
  'settings:set': { arg: Partial<Settings>; result: Settings };
  /** The county ranking of a year. */
  'ranking:get': { arg: { year: number }; result: { rows: RankingRow[]; smallSample: boolean } };
  /** The print page (HTML) of one or more sheets or of the ranking: what Chromium prints, shown for preview. */
  'print:preview': { arg: BatchSelection & { what: 'sheets' | 'ranking' }; result: { html: string } };
  /** Opens the system print dialog for sheets or the ranking (Electron only). */
  'print:dialog': { arg: BatchSelection & { what: 'sheets' | 'ranking' }; result: { printed: boolean } };
  /** Writes sheets or the ranking to a PDF (path chosen in a save dialog when absent); progress as job:progress. */
  'print:pdf': { arg: BatchSelection & { what: 'sheets' | 'ranking'; path?: string }; result: { path: string; pages: number } };
  /** The Excel summary (汇总, 明细, 排名) of a year or a selection. */
  'export:xlsx': { arg: BatchSelection & { path?: string }; result: { path: string; rows: number } };
  /** A review package of the chosen reports (originals, parses, corrections, decisions) for a colleague. */
  'package:export': { arg: BatchSelection & { path?: string }; result: { path: string; reports: number } };
  'package:import': { arg: { path?: string }; result: PackageImportSummary };
  /** Items where a colleague's imported decision differs from the one in force here (both kept): for a second look. */
  'package:conflicts': { arg: { reportIds?: number[] }; result: PackageImportSummary['conflicts'] };
  'job:cancel': { arg: { jobId: string }; result: { cancelled: boolean } };
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
  'job:progress': JobProgress;
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
  'grade:get',
  'grade:decide',
  'grade:comment',
  'grade:history',
  'grade:link-previous',
  'grade:set-published',
  'checklist:list',
  'checklist:get',
  'checklist:save',
  'checklist:activate',
  'settings:get',
  'settings:set',
  'ranking:get',
  'print:preview',
  'print:dialog',
  'print:pdf',
  'export:xlsx',
  'package:export',
  'package:import',
  'package:conflicts',
  'job:cancel',
  'db:info',
  'db:backup',
] as const;

export const EVENTS: readonly EventName[] = ['import:progress', 'import:done', 'job:progress'] as const;

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
