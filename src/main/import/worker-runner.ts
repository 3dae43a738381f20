// Entry of the parse worker thread: runs parseFile for one path at a time and posts the result back; never writes the database.
import { parentPort, workerData } from 'node:worker_threads';
import type { SourceDocument } from '../../shared/document/types';
import type { ParsedFile, ParseOptions } from '../services/parse-file';
import type { ReaderProgress } from './readers/reader';
import type { AbortRequest, ParsedPayload, ParseRequest, WorkerInit, WorkerMessage } from './worker';

type ParseFn = (path: string, options?: ParseOptions) => Promise<ParsedFile>;

/** Search text is capped: a 50 MB page must not bloat the index. */
const MAX_TEXT_CHARS = 2_000_000;

async function loadParser(init: WorkerInit): Promise<ParseFn> {
  const mod = (init.parserModule ? await import(init.parserModule) : await import('../services/parse-file')) as { parseFile: ParseFn };
  return mod.parseFile;
}

/** Headings, paragraphs and table cells in reading order; «» removed because snippets use them as hit markers. */
export function documentText(doc: SourceDocument | undefined, fallback: string): string {
  if (!doc) return fallback;
  const parts: string[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'table') for (const row of b.rows) parts.push(row.map((c) => c.text).join(' '));
    else parts.push(b.text);
  }
  const text = parts.join('\n').replace(/[«»]/g, '');
  return (text.trim() ? text : fallback).slice(0, MAX_TEXT_CHARS);
}

function toPayload(parsed: ParsedFile, ms: number): ParsedPayload {
  const problems = new Map<string, { kind: string; message: string }>();
  for (const p of [...parsed.problems, ...(parsed.model?.problems ?? [])])
    problems.set(`${p.kind}\u0000${p.message}`, { kind: p.kind, message: p.message });
  const sectionsText = (parsed.model?.sections ?? []).map((s) => `${s.title}\n${s.text}`).join('\n');
  return {
    fileName: parsed.fileName,
    sha256: parsed.sha256,
    size: parsed.bytes.byteLength,
    format: parsed.model?.format ?? parsed.document?.format ?? null,
    bytes: parsed.bytes,
    ...(parsed.model ? { model: parsed.model } : {}),
    problems: [...problems.values()],
    text: documentText(parsed.document, sectionsText),
    ms,
  };
}

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const post = (m: WorkerMessage, transfer: ArrayBuffer[] = []): void => port.postMessage(m, transfer);
  const parse = await loadParser((workerData ?? {}) as WorkerInit);
  const running = new Map<number, AbortController>();
  port.on('message', (req: ParseRequest | AbortRequest) => {
    if (req.type === 'abort') {
      // Cancel between pages: the reader stops at the next page and returns what it read, marked partial.
      running.get(req.taskId)?.abort();
      return;
    }
    void (async () => {
      const t0 = performance.now();
      const controller = new AbortController();
      running.set(req.taskId, controller);
      try {
        post({ type: 'stage', taskId: req.taskId, stage: 'parsing' });
        const onProgress = (p: ReaderProgress): void => post({ type: 'progress', taskId: req.taskId, ...p });
        const parsed = await parse(req.path, { signal: controller.signal, onProgress });
        const payload = toPayload(parsed, Math.round(performance.now() - t0));
        // Copy into a fresh buffer we own, then hand it over without a second copy.
        const bytes = new Uint8Array(payload.bytes);
        post({ type: 'result', taskId: req.taskId, payload: { ...payload, bytes } }, [bytes.buffer]);
      } catch (e) {
        post({ type: 'error', taskId: req.taskId, message: e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e) });
      } finally {
        running.delete(req.taskId);
      }
    })();
  });
  post({ type: 'ready' });
}

void main();
