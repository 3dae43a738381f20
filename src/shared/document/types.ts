// The source document: what a format reader extracts from a file, before any report semantics.

/** Where a block or cell came from, so the review screen can highlight it. */
export type SourceAnchor =
  | { kind: 'pdf'; page: number; box?: [number, number, number, number] } // 1-based page; box in PDF points, top-left origin: x0, y0, x1, y1
  | { kind: 'html'; path: string } // element path, e.g. "body/div[2]/table[1]/tr[3]/td[2]"
  | { kind: 'docx'; path: string } // e.g. "body/tbl[2]/tr[3]/tc[4]" or "body/p[17]"
  | { kind: 'text'; line: number }; // 1-based line number

export interface TableCell {
  /** Text as shown (line breaks inside the cell kept as "\n"). */
  text: string;
  rowSpan: number;
  colSpan: number;
  anchor?: SourceAnchor;
  /** Present when the cell was read by OCR from a page image. */
  ocr?: OcrCellInfo;
}

/** What OCR says about a cell: its lowest character confidence (0–100) and every digit read, in order. */
export interface OcrCellInfo {
  confidence: number;
  /** Digits of the cell text in reading order with their confidence; a letter read where a digit belongs has 0. */
  digits: { ch: string; conf: number }[];
  /** The cell has ink in the image but nothing was read from it (a faint or stamped-over value). */
  unread?: boolean;
  /**
   * Set when the cell was read again on its own, by two models limited to digits (`digits` is the reading the cell's
   * text was taken from, the first model's unless it read nothing): what the other model read, what the page read
   * gave, and whether the readings agree.
   */
  secondRead?: string;
  pageRead?: string;
  agreed?: boolean;
  /** The cell's inside holds no ink: a blank as printed. */
  noInk?: boolean;
  /** Ink beside the digits read that no reader read (a minus sign, a dropped digit): the reading is in doubt. */
  stray?: boolean;
}

export interface TableBlock {
  kind: 'table';
  /** Rows as in the source: each row lists only the cells that start in it (HTML-style spans). */
  rows: TableCell[][];
  anchor?: SourceAnchor;
  /** The grid was rebuilt from text positions (no drawn rules): its slots are inferred, not seen. */
  inferred?: boolean;
}

export interface TextBlock {
  kind: 'heading' | 'paragraph';
  text: string;
  anchor?: SourceAnchor;
}

export type Block = TextBlock | TableBlock;

export type SourceFormat = 'pdf' | 'docx' | 'doc' | 'wps' | 'html' | 'txt';

/** Metadata found around the text: portal chrome of a saved page, document properties. */
export interface DocumentMeta {
  title?: string;
  /** ISO date (YYYY-MM-DD) the page or document says it was published. */
  publishedAt?: string;
  publisher?: string;
  author?: string;
  /** ISO date from document properties (creation); never taken as the publish date. */
  createdAt?: string;
  /** Free key/value pairs harvested from chrome (索引号, 文号, …). */
  fields?: Record<string, string>;
}

export type ProblemKind =
  | 'unsupported-format'
  | 'corrupt-file'
  | 'password-protected'
  | 'needs-ocr'
  | 'empty'
  | 'too-large'
  | 'timeout'
  | 'not-a-report'
  | 'partial';

/** Something a reader wants the inspector to know; never thrown. */
export interface Problem {
  kind: ProblemKind;
  /** One line, Chinese, for the user. */
  message: string;
  /** Same, in English (for logs and the command line). */
  messageEn?: string;
}

export interface SourceDocument {
  format: SourceFormat;
  blocks: Block[];
  meta: DocumentMeta;
  pageCount?: number;
  problems: Problem[];
}

/** What every reader returns: a document when anything could be read, and problems. */
export interface ReadResult {
  document?: SourceDocument;
  problems: Problem[];
}
