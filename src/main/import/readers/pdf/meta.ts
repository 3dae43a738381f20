// Document metadata from the PDF info dictionary: title, author and the creation date (never a publish date).
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { DocumentMeta } from '../../../../shared/document/types';

function text(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  // eslint-disable-next-line no-control-regex
  const t = v.replace(/[\u0000-\u001f\ufeff]/g, '').trim();
  return t ? t.slice(0, 300) : undefined;
}

/** "D:20250225100324+08'00'" → "2025-02-25": the date as the file writes it, in its own time zone. */
export function pdfDate(v: unknown): string | undefined {
  const m = typeof v === 'string' ? /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(v.trim()) : null;
  if (!m) return undefined;
  const [, y, mo = '01', d = '01'] = m;
  const month = Number(mo);
  const day = Number(d);
  if (Number(y) < 1980 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${y}-${mo}-${d}`;
}

export async function pdfMeta(doc: PDFDocumentProxy): Promise<DocumentMeta> {
  const { info } = await doc.getMetadata();
  const dict = (info ?? {}) as Record<string, unknown>;
  const meta: DocumentMeta = {};
  const title = text(dict['Title']);
  const author = text(dict['Author']);
  const createdAt = pdfDate(dict['CreationDate']);
  if (title) meta.title = title;
  if (author) meta.author = author;
  if (createdAt) meta.createdAt = createdAt;
  return meta;
}
