// Gives the blocks of OCR'd pages what the parser and the review need: each table cell's confidence and digits (from
// the words inside it), and anchors turned back from the deskewed frame to the page as it is shown.
import type { Block, OcrCellInfo, SourceAnchor, TableCell } from '../../../../../shared/document/types';
import type { InkMap, OcrPage, PlacedWord } from './page';

type Box = [number, number, number, number];

function centreIn(w: PlacedWord, box: Box): boolean {
  const cx = (w.box[0] + w.box[2]) / 2;
  const cy = (w.box[1] + w.box[3]) / 2;
  return cx >= box[0] - 1 && cx <= box[2] + 1 && cy >= box[1] - 1 && cy <= box[3] + 1;
}

/** True when the inner part of a box (away from its rules) holds clearly more ink than scanner noise. */
export function hasInk(ink: InkMap | undefined, box: Box): boolean {
  if (!ink) return false;
  const mx = (box[2] - box[0]) * 0.12 + 1;
  const my = (box[3] - box[1]) * 0.15 + 1;
  const c0 = Math.max(0, Math.floor((box[0] + mx) / ink.tile));
  const c1 = Math.min(ink.cols - 1, Math.floor((box[2] - mx) / ink.tile));
  const r0 = Math.max(0, Math.floor((box[1] + my) / ink.tile));
  const r1 = Math.min(ink.rows - 1, Math.floor((box[3] - my) / ink.tile));
  let dark = 0;
  for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) if (ink.share[r * ink.cols + c]! > 60) dark++;
  // A printed digit covers a few tiles of 2 × 2 points well; speckles cover one or two faintly.
  return dark >= 3;
}

/** The words of a cell in reading order (top to bottom, then left to right). */
function cellInfo(words: PlacedWord[], box: Box, ink: InkMap | undefined): OcrCellInfo | undefined {
  const inside = words.filter((w) => centreIn(w, box));
  if (!inside.length) return hasInk(ink, box) ? { confidence: 0, digits: [], unread: true } : undefined;
  inside.sort((a, b) => (Math.abs(a.box[1] - b.box[1]) < 4 ? a.box[0] - b.box[0] : a.box[1] - b.box[1]));
  const chars = inside.flatMap((w) => w.chars);
  return {
    confidence: Math.round(Math.min(...chars.map((c) => c.conf))),
    digits: chars.filter((c) => /^\d$/.test(c.text)).map((c) => ({ ch: c.text, conf: Math.round(c.conf) })),
  };
}

/** A box in the deskewed frame turned back by the skew about the page centre, as the page is displayed. */
function unskew(shifted: Box, skew: number, width: number, height: number, dx = 0): Box {
  const box: Box = [shifted[0] - dx, shifted[1], shifted[2] - dx, shifted[3]];
  if (!skew) return box;
  const a = (-skew * Math.PI) / 180;
  const [cx, cy] = [width / 2, height / 2];
  const pts = [
    [box[0], box[1]],
    [box[2], box[1]],
    [box[0], box[3]],
    [box[2], box[3]],
  ].map(([x, y]) => [cx + (x! - cx) * Math.cos(a) - (y! - cy) * Math.sin(a), cy + (x! - cx) * Math.sin(a) + (y! - cy) * Math.cos(a)]);
  const r = (v: number) => Math.round(v * 100) / 100;
  return [
    r(Math.min(...pts.map((p) => p[0]!))),
    r(Math.min(...pts.map((p) => p[1]!))),
    r(Math.max(...pts.map((p) => p[0]!))),
    r(Math.max(...pts.map((p) => p[1]!))),
  ];
}

function fixAnchor(anchor: SourceAnchor | undefined, pages: Map<number, OcrPage>): SourceAnchor | undefined {
  if (anchor?.kind !== 'pdf' || !anchor.box) return anchor;
  const p = pages.get(anchor.page);
  if (!p) return anchor;
  return { ...anchor, box: unskew(anchor.box, p.skew, p.content.width, p.content.height, p.dx) };
}

function annotateCell(cell: TableCell, pages: Map<number, OcrPage>): TableCell {
  const a = cell.anchor;
  if (a?.kind !== 'pdf' || !a.box) return cell;
  const p = pages.get(a.page);
  if (!p) return cell;
  const dx = p.dx ?? 0;
  // A cell read again on its own (reread.ts) keeps that reading's facts.
  const info = cell.ocr ?? cellInfo(p.words, [a.box[0] - dx, a.box[1], a.box[2] - dx, a.box[3]], p.ink);
  const anchor = fixAnchor(a, pages);
  return { ...cell, ...(anchor ? { anchor } : {}), ...(info ? { ocr: info } : {}) };
}

export function annotateOcrBlocks(blocks: Block[], pages: Map<number, OcrPage>): Block[] {
  if (!pages.size) return blocks;
  return blocks.map((b): Block => {
    if (b.kind !== 'table') {
      const anchor = fixAnchor(b.anchor, pages);
      return anchor ? { ...b, anchor } : b;
    }
    const anchor = fixAnchor(b.anchor, pages);
    return { ...b, ...(anchor ? { anchor } : {}), rows: b.rows.map((row) => row.map((c) => annotateCell(c, pages))) };
  });
}
