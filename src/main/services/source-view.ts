// The source of a report as the review screen shows it: PDF bytes as base64, everything else as sanitized HTML with a strict CSP.
import type { SourceFormat } from '../../shared/document/types';
import type { SourceView } from '../../shared/ipc/contract';
import { escapeHtml, reviewHtmlFromMarkup } from '../import/sanitize';
import { decodeHtmlBytes } from '../import/readers/html/decode';
import { decodeText } from '../import/readers/decode';

/**
 * Plain text as numbered lines: `data-line` matches the `text` anchors (1-based line numbers) of the txt reader,
 * so the review screen can scroll to and highlight a cell's line.
 */
export function textAsHtml(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const body = lines.map((l, i) => `<div data-line="${i + 1}">${escapeHtml(l) || '&#160;'}</div>`).join('');
  return `<pre style="white-space: pre-wrap; font-family: inherit">${body}</pre>`;
}

/**
 * HTML is re-sanitized from the original bytes (the same parse and sanitation as the reader, so element paths agree).
 * Word documents go through mammoth (docxToHtml: sanitized, cells stamped with the reader's anchors); .doc/.wps are
 * converted by LibreOffice when it is installed, else shown as their extracted text. The Word readers are loaded on
 * first use so the main process starts without mammoth.
 */
export async function buildSourceView(format: SourceFormat, bytes: Uint8Array, extractedText: string, title: string): Promise<SourceView> {
  switch (format) {
    case 'pdf':
      return { format: 'pdf', base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64') };
    case 'html':
      return { format: 'html', html: reviewHtmlFromMarkup(decodeHtmlBytes(bytes).text, title) };
    case 'txt':
      return { format: 'txt', html: reviewHtmlFromMarkup(textAsHtml(decodeText(bytes)), title) };
    case 'docx': {
      const { docxToHtml } = await import('../import/readers/docx');
      return { format, html: await docxToHtml(bytes) };
    }
    case 'doc':
    case 'wps': {
      const { docToHtml } = await import('../import/readers/doc');
      const html = await docToHtml(bytes);
      return { format, html: html ?? reviewHtmlFromMarkup(textAsHtml(extractedText), title) };
    }
  }
}
