// What every check reads: the report's printed sentences (with their section and source anchor, and a normalised
// copy for matching), its effective cells, the unit's level, and a constructor for results in catalog terms.
import type { CellSource, ParsedCell, ReportModel } from '../model/report';
import { looksTraditional, normalizeText } from '../normalize/text';
import { checkDef } from './catalog';
import {
  DEFAULT_SETTINGS,
  type CheckResult,
  type CheckStatus,
  type EvalInput,
  type EvalSettings,
  type Span,
  type UnitLevel,
} from './types';

export interface Sentence {
  /** As printed (what a span quotes). */
  text: string;
  /** Normalised for matching: NFKC, simplified script, single spaces. */
  norm: string;
  /** The normalised text without any space: what most patterns match against. */
  key: string;
  /** Section number 1–6, or null before the first heading / outside the sections. */
  section: number | null;
  source: CellSource | null;
  /** Index of the paragraph it belongs to. */
  para: number;
}

export interface EvalContext {
  input: EvalInput;
  report: ReportModel;
  cells: Record<string, ParsedCell>;
  traditional: boolean;
  sentences: Sentence[];
  settings: EvalSettings;
  level: UnitLevel;
  /** Whether the report has statistical tables (template known). */
  hasTables: boolean;
}

/** Splits printed text into sentences, keeping the closing punctuation with its sentence. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/[^。；;！？!?\n]+[。；;！？!?]*/g)) {
    const s = m[0].trim();
    if (s) out.push(s);
  }
  return out;
}

/** The report's paragraphs as printed, with section and anchor; from the parse, or rebuilt from sections for older models. */
function paragraphsOf(report: ReportModel): { text: string; section: number | null; source: CellSource | null }[] {
  if (report.paragraphs && report.paragraphs.length > 0) return report.paragraphs;
  const out: { text: string; section: number | null; source: CellSource | null }[] = [];
  if (report.title) out.push({ text: report.title, section: null, source: null });
  for (const s of report.sections) {
    out.push({ text: s.title, section: s.no, source: null });
    for (const line of s.text.split('\n')) out.push({ text: line, section: s.no, source: null });
  }
  return out;
}

export function sentencesOf(report: ReportModel, traditional: boolean): Sentence[] {
  const out: Sentence[] = [];
  paragraphsOf(report).forEach((p, para) => {
    for (const text of splitSentences(p.text)) {
      const norm = normalizeText(text, traditional);
      out.push({ text, norm, key: norm.replace(/\s/g, ''), section: p.section, source: p.source, para });
    }
  });
  return out;
}

/** The unit's level from its name (domain.md §9): 镇/乡 人民政府 → township, 街道 → street, 县/区 人民政府 → county_gov. */
export function inferLevel(organ: string | null): UnitLevel {
  const name = normalizeText(organ ?? '').replace(/\s/g, '');
  if (!name) return 'other';
  if (/街道(办事处)?$/.test(name) || /街道办/.test(name)) return 'street';
  if (/(镇|乡)(人民)?政府$|(镇|乡)$/.test(name)) return 'township';
  if (/(县|区|市|旗)(人民)?政府(办公室)?$/.test(name)) return 'county_gov';
  if (/(局|委员会|委|办公室|办|中心|院|所|队|站|署|厅|部)$/.test(name)) return 'county_dept';
  return 'other';
}

export function buildContext(input: EvalInput): EvalContext {
  const report = input.report;
  const sample = [report.title ?? '', ...report.sections.map((s) => s.text)].join('').slice(0, 20000);
  const traditional = looksTraditional(sample);
  return {
    input,
    report,
    cells: report.cells,
    traditional,
    sentences: sentencesOf(report, traditional),
    settings: input.settings ?? DEFAULT_SETTINGS,
    level: input.unitLevel ?? inferLevel(report.organ),
    hasTables: report.template !== 'unknown',
  };
}

/** A result in catalog terms: the severity comes from the catalog. */
export function result(
  id: string,
  status: CheckStatus,
  message: string,
  evidence: { cells?: string[]; spans?: Span[]; count?: number; measure?: number } = {},
): CheckResult {
  const def = checkDef(id);
  if (!def) throw new Error(`unknown check id ${id}`);
  return {
    id,
    status,
    severity: def.severity,
    message,
    cells: evidence.cells ?? [],
    spans: evidence.spans ?? [],
    ...(evidence.count !== undefined ? { count: evidence.count } : {}),
    ...(evidence.measure !== undefined ? { measure: evidence.measure } : {}),
  };
}

export function spanOf(s: Sentence): Span {
  return { text: s.text, source: s.source };
}

/** The value of a cell for arithmetic: blank and dash count as 0 (ARI-06 flags them); unknown cells give undefined. */
export function num(cells: Record<string, ParsedCell>, id: string): number | undefined {
  const c = cells[id];
  if (!c) return undefined;
  if (c.state === 'number') return c.value ?? undefined;
  if (c.state === 'blank' || c.state === 'dash') return 0;
  return undefined;
}

/** True when the cell exists and cannot be read (ambiguous or missing). */
export function uncertainCell(cells: Record<string, ParsedCell>, id: string): boolean {
  const c = cells[id];
  return !c || c.state === 'ambiguous' || c.state === 'missing';
}
