// What a printed sheet and a printed ranking are made of: plain data gathered by the services or the command line.
import type { Assessment } from '../grading/assessment';
import type { RankRow } from '../grading/ranking';
import type { TemplateVersion } from '../model/report';

export interface SheetData {
  organ: string | null;
  year: number | null;
  template: TemplateVersion;
  /** YYYY-MM-DD, with where it comes from (the inspector's date wins over the document's). */
  publishedAt: string | null;
  publishedSource?: 'document' | 'inspector' | 'unknown';
  /** 评审日期: the inspector's last decision (YYYY-MM-DD or ISO); null prints a blank to fill in by hand. */
  reviewedAt: string | null;
  /** The file the sheet is about, printed small for the archive. */
  fileName?: string;
  checklist: { ref: string; name: string; groups: { id: string; title: string }[] };
  assessment: Assessment;
}

export interface RankingData {
  year: number | null;
  rows: RankRow[];
  /** Fewer units than SMALL_SAMPLE: the ranking says 样本偏少. */
  smallSample: boolean;
  /** When the page was made (YYYY-MM-DD), printed beside the signatures. */
  madeAt?: string;
}
