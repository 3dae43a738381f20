// What a clicked reason or check asks the review screen to show: its cells in the tables and one quoted sentence in the source.
import type { Span } from '../../../../shared/checks/types';
import { checkDef } from '../../../../shared/checks/catalog';

export interface Evidence {
  /** Identifies what was clicked (item + check + sentence), to show it as active. */
  key: string;
  cells: string[];
  /** The sentence to show in the source; null when the evidence is only cells. */
  span: Span | null;
}

export type PickEvidence = (e: Evidence | null) => void;

/** The check's Chinese title from the catalog (never the bare id). */
export function checkTitle(id: string): string {
  return checkDef(id)?.title ?? id;
}

/** Points as the sheet prints them: 7 or 7.5. */
export function pts(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
