// The print pages: assessment sheets and the county ranking as self-contained A4 HTML documents for Chromium to print.
export { sheetHtml, sheetsHtml, SHEET_TITLE, UNCONFIRMED } from './sheet-html';
export { rankingHtml, RANKING_TITLE } from './ranking-html';
export { esc, cssString } from './escape';
export type { SheetData, RankingData } from './types';
