// What the source pane is asked to show: a cell's anchor (page+box, element path, line), a quoted sentence (a check's
// evidence: its anchor and its printed text), or a piece of text (a section title, the report's title on opening).
import type { CellSource } from '../../../../shared/model/report';

export type SourceTarget =
  | { kind: 'cell'; cellId: string; source: CellSource | null; text: string | null; seq: number }
  | { kind: 'span'; source: CellSource | null; text: string; seq: number }
  | { kind: 'text'; text: string; seq: number };

/** Reports whether the target was found, so the panel can say so in Chinese when it was not. */
export type LocateResult = (found: boolean) => void;

/** Compares ignoring whitespace and full-width/half-width punctuation differences that layouts introduce. */
export function squash(s: string): string {
  return s
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（(]/g, '(')
    .replace(/[）)]/g, ')');
}
