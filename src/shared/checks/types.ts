// The check stage's types (contract.md §5): what a check sees (the report with its effective cells, last year's
// report, peers, settings) and what it returns (status, severity, message, cells, quoted spans).
import type { CellSource, ReportModel } from '../model/report';

export type CheckStatus = 'pass' | 'fail' | 'warn' | 'info' | 'uncertain' | 'manual' | 'na';

/** E error, W warning, I info, M manual judgement (domain.md §6). */
export type Severity = 'E' | 'W' | 'I' | 'M';

/** A quote of the report's printed text (as shown to the user, not normalised) and where it is. */
export interface Span {
  text: string;
  source: CellSource | null;
}

export interface CheckResult {
  id: string;
  status: CheckStatus;
  severity: Severity;
  /** Chinese, for the inspector: what was found, with the numbers. */
  message: string;
  /** Contract cell ids the result rests on (highlighted in the tables). */
  cells: string[];
  /** Sentences of the report the result rests on (highlighted in the source). */
  spans: Span[];
  /** How many separate defects the check found (failing columns, contradictions…): checklists may deduct per defect. */
  count?: number;
  /** A number the checklist may compare (e.g. QLT-01's similarity, 0–1). */
  measure?: number;
}

/** Unit levels decide the deadline (MET-01) and which duties apply (STR-11, ARI-08). */
export type UnitLevel = 'township' | 'street' | 'county_dept' | 'county_gov' | 'other';

export interface EvalSettings {
  /** Publication deadline per unit level, as MM-DD of the year after the report year. */
  deadlines: Record<UnitLevel, string>;
}

export const DEFAULT_SETTINGS: EvalSettings = {
  deadlines: { township: '01-31', street: '01-31', county_dept: '01-31', county_gov: '03-31', other: '01-31' },
};

/** Everything the checks of one report look at. The report's cells are the effective cells (corrections applied). */
export interface EvalInput {
  report: ReportModel;
  /** The same unit's report of the year before (cross-year checks); absent → those checks are 'na'. */
  previous?: ReportModel | null;
  /** Other units' reports of the same year (copying between units, foreign unit names). */
  peers?: readonly ReportModel[];
  /** The publish date the inspector entered (or --received), used when the document carries none. */
  receivedAt?: string | null;
  /** The unit's level; inferred from its name when absent. */
  unitLevel?: UnitLevel | null;
  settings?: EvalSettings;
}
