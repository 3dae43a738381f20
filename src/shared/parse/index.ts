// The parser pipeline: source document → report model (meta, sections, prose paragraphs, template, every cell).
// Checks are a stage of their own (src/shared/checks), run on the effective cells.
import type { SourceAnchor, SourceDocument } from '../document/types';
import type { CellSource, Paragraph, ParsedCell, ReportModel } from '../model/report';
import { looksTraditional } from '../normalize/text';
import { SHAPE_2019, SHAPE_2021, cellsOf } from '../template/catalog';
import { buildStream, unitAt, type Stream } from './stream';
import { readMeta } from './meta';
import { findSections, type SectionRange } from './sections';
import { readTables, type CellOutcome } from './tables';
import { repairOcrCells } from './ocr-repair';

export function parseReport(doc: SourceDocument, file: string): ReportModel {
  const sample = doc.blocks
    .slice(0, 400)
    .map((b) =>
      b.kind === 'table'
        ? b.rows
            .flat()
            .map((c) => c.text)
            .join('')
        : b.text,
    )
    .join('');
  const traditional = looksTraditional(sample);
  const stream = buildStream(doc, traditional);
  const meta = readMeta(doc, traditional);
  const tables = readTables(stream);
  const cells: Record<string, ParsedCell> = {};
  if (tables.template !== 'unknown') {
    for (const [id, outcome] of tables.cells) cells[id] = toCell(stream, outcome);
    // Every id of the template appears (contract.md §3), even where the table was not found.
    const ids = new Set(tables.cells.keys());
    for (const def of cellsOf(tables.template === 'v2019' ? SHAPE_2019 : SHAPE_2021)) {
      if (!ids.has(def.id) && tables.template !== 'hybrid') cells[def.id] = missing();
    }
  }
  // OCR'd cells: confidence kept, doubtful digits settled by the tables' arithmetic or left ambiguous.
  const checked = repairOcrCells(cells, doc);
  const ranges = findSections(stream);
  const problems = doc.problems.map((p) => ({ kind: p.kind, message: p.message }));
  if (tables.template === 'unknown')
    problems.push({ kind: 'not-a-report', message: '未找到年度报告的统计表（表二、表三、表四），未读取任何数值' });
  return {
    file,
    format: doc.format,
    title: meta.title,
    organ: meta.organ,
    year: meta.year,
    template: tables.template,
    publishedAt: meta.publishedAt,
    sections: ranges.map((r) => r.section),
    cells: checked,
    paragraphs: paragraphsOf(stream, ranges),
    problems,
  };
}

/** Every prose unit (not a table cell) as printed, with the section it falls in and its anchor. */
function paragraphsOf(stream: Stream, ranges: SectionRange[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const u of stream.units) {
    if (u.tableCell || !u.raw.trim()) continue;
    // The last section whose heading starts before the unit ends: a paragraph holding a heading belongs to it.
    let section: number | null = null;
    for (const r of ranges) if (r.start < u.end && u.start < r.end) section = r.section.no;
    out.push({ text: u.raw, section, source: sourceOf(u.anchor) });
  }
  return out;
}

function missing(): ParsedCell {
  return { value: null, state: 'missing', raw: null, source: null, note: '文档中未找到该单元格' };
}

function toCell(stream: Stream, o: CellOutcome): ParsedCell {
  if (o.kind === 'missing') return missing();
  if (o.kind === 'ambiguous') {
    return {
      value: null,
      state: 'ambiguous',
      raw: o.raw,
      source: o.pos === null ? null : sourceOf(unitAt(stream, o.pos)?.anchor),
      note: o.note,
    };
  }
  const v = o.val;
  return {
    value: v.value,
    state: v.state,
    raw: v.raw,
    source: sourceOf(unitAt(stream, v.pos)?.anchor),
    ...(v.unit ? { unit: v.unit } : {}),
  };
}

function sourceOf(anchor: SourceAnchor | undefined): CellSource | null {
  if (!anchor) return null;
  switch (anchor.kind) {
    case 'pdf':
      return anchor.box ? { page: anchor.page, box: anchor.box } : { page: anchor.page };
    case 'html':
    case 'docx':
      return { path: anchor.path };
    case 'text':
      return { line: anchor.line };
  }
}
