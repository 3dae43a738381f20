// Small builders for synthetic source documents in unit tests.
import type { Block, SourceDocument, TableCell } from '../../src/shared/document/types';
import { textBlocks } from '../../src/main/import/readers/txt';

export function docFromText(text: string): SourceDocument {
  return { format: 'txt', blocks: textBlocks(text), meta: {}, problems: [] };
}

export function cell(text: string, rowSpan = 1, colSpan = 1): TableCell {
  return { text, rowSpan, colSpan };
}

export function docFromBlocks(blocks: Block[]): SourceDocument {
  return { format: 'html', blocks, meta: {}, problems: [] };
}
