// The contract every format reader fulfils: bytes in, a source document and problems out, never a throw.
import type { Problem, ProblemKind, ReadResult } from '../../../shared/document/types';

export interface ReaderOptions {
  /** The file's name, for messages. */
  fileName: string;
  /** Cancels long work between pages or parts. */
  signal?: AbortSignal;
  /** Told after each page of long work (OCR); `extraMs` asks for more time than the usual per-file limit. */
  onProgress?: (progress: ReaderProgress) => void;
}

/** Progress of a reader's long work: pages done of pages to do, and the extra time the file needs (ms), once. */
export interface ReaderProgress {
  current: number;
  total: number;
  extraMs?: number;
}

export type Reader = (bytes: Uint8Array, options: ReaderOptions) => Promise<ReadResult>;

export function problem(kind: ProblemKind, message: string, messageEn: string): Problem {
  return { kind, message, messageEn };
}

/** A read that produced nothing, with one problem. */
export function failed(kind: ProblemKind, message: string, messageEn: string): ReadResult {
  return { problems: [problem(kind, message, messageEn)] };
}
