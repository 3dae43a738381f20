// The print pages' CSS: an A4 government form (宋体 body, 黑体 headings, ruled tables), shown as paper on screen.
import { cssString } from './escape';

/** Fonts found on Windows and Kylin/UOS, with Noto CJK (Debian's fonts-noto-cjk) as the fallback. */
export const SERIF = `"SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Noto Sans CJK SC", serif`;
export const HEADING = `"SimHei", "黑体", "Heiti SC", "Noto Sans CJK SC", "SimSun", "宋体", "Noto Serif CJK SC", sans-serif`;

/** Margin boxes of one named page: what runs along the top of every page, and 第 x 页 共 y 页 at the bottom. */
export function pageRule(name: string, topLeft: string, topRight: string, bottom: string | null): string {
  const numbers = bottom === null ? '' : `\n  @bottom-center { content: ${cssString(bottom)}; }`;
  return `@page ${name} {${numbers}
  @top-left { content: ${cssString(topLeft)}; font: 8.5pt ${SERIF}; color: #333; vertical-align: bottom; padding-bottom: 3mm; }
  @top-right { content: ${cssString(topRight)}; font: bold 8.5pt ${HEADING}; vertical-align: bottom; padding-bottom: 3mm; }
}`;
}

export const BASE_CSS = `
@page {
  size: A4;
  margin: 20mm 18mm 20mm 20mm;
  @bottom-center { content: "第 " counter(page) " 页  共 " counter(pages) " 页"; font: 9pt ${SERIF}; vertical-align: top; padding-top: 4mm; }
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${SERIF}; font-size: 10.5pt; line-height: 1.45; color: #000; background: #fff; }
h1 { font-family: ${HEADING}; font-size: 18pt; font-weight: bold; text-align: center; letter-spacing: 1pt; margin: 0 0 2mm; }
.subtitle { text-align: center; font-size: 12pt; margin: 0 0 4mm; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 0.75pt solid #000; padding: 1.2mm 1.6mm; vertical-align: middle; }
th { font-family: ${HEADING}; font-weight: bold; text-align: center; font-size: 10.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.meta { margin-bottom: 3mm; }
.meta th { width: 17mm; white-space: nowrap; }
.meta td { font-size: 10.5pt; }
.num { text-align: center; white-space: nowrap; font-variant-numeric: tabular-nums; }
.small { font-size: 8.5pt; color: #222; }
.unconfirmed-note { border: 1.5pt solid #000; padding: 2mm 3mm; margin: 0 0 3mm; font-size: 10pt; break-inside: avoid; }
.unconfirmed-note strong { font-family: ${HEADING}; font-size: 12pt; margin-right: 2mm; }
.items td.reason { font-size: 9.5pt; line-height: 1.4; }
.items tr.group td { font-family: ${HEADING}; font-weight: bold; background: #efefef; }
.suggest { display: inline-block; border: 0.75pt solid #000; border-radius: 1mm; font-size: 7.5pt; line-height: 1.2; padding: 0 0.8mm; margin-right: 0.8mm; vertical-align: 1pt; font-family: ${HEADING}; }
.totals { margin-top: 3mm; break-inside: avoid; }
.totals th { width: 20mm; }
.totals td.big { font-size: 13pt; font-weight: bold; font-family: ${HEADING}; }
.opinion { margin-top: 3mm; border: 0.75pt solid #000; min-height: 34mm; padding: 2mm 3mm; break-inside: avoid; }
.opinion .label { font-family: ${HEADING}; font-weight: bold; margin-bottom: 1mm; }
.opinion .text { white-space: pre-wrap; overflow-wrap: anywhere; }
.signatures { margin-top: 10mm; display: flex; justify-content: space-between; break-inside: avoid; font-size: 11pt; }
.signatures span { white-space: nowrap; }
.line { display: inline-block; border-bottom: 0.75pt solid #000; width: 32mm; }
.line.date { width: 36mm; }
.notes { margin-top: 3mm; font-size: 8.5pt; color: #222; }
.page + .page { break-before: page; page-break-before: always; }
td, th { overflow-wrap: anywhere; }
@media screen {
  body { background: #e6e6e6; padding: 8mm 0; }
  .page { width: 210mm; min-height: 297mm; margin: 0 auto 8mm; padding: 20mm 18mm 20mm 20mm; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,0.3); }
}
@media print {
  body { background: #fff; }
  .page { width: auto; margin: 0; padding: 0; box-shadow: none; }
}
`;
