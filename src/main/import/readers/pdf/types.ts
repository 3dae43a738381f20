// Plain geometric shapes the PDF reader works on: text runs and ruling segments, in page points with a top-left origin.

/** A run of text on a page; y grows downwards, so y0 < y1. */
export interface TextRun {
  str: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Baseline y (top-left origin). */
  base: number;
  /** Font size in points (the glyph height). */
  size: number;
}

/** A horizontal (y fixed) or vertical (x fixed) ruling segment. */
export interface Segment {
  dir: 'h' | 'v';
  /** The fixed coordinate: y of a horizontal segment, x of a vertical one. */
  at: number;
  /** Start and end along the segment, from < to. */
  from: number;
  to: number;
}

export type Box = [number, number, number, number];

/** What one page yields before layout analysis. */
export interface PageContent {
  page: number;
  width: number;
  height: number;
  runs: TextRun[];
  segments: Segment[];
  /** True when the page paints at least one image (a scan has one image and no text). */
  hasImages: boolean;
}

/** One cell of a rebuilt table, in grid coordinates. */
export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  box: Box;
  text: string;
}

/** A table rebuilt on one page, before it becomes a TableBlock. */
export interface PageTable {
  page: number;
  box: Box;
  /** Column boundaries (x) and row boundaries (y), ascending. */
  xs: number[];
  ys: number[];
  cells: GridCell[];
  /** Tables rebuilt from text only: how many leading columns hold labels (the rest hold values). */
  labelCols?: number;
}
