// The county's Excel summary (exceljs): 汇总 (one row per report, every item's points), 明细 (failed and warned
// checks), 排名 (the ranking with the main deductions). Plain cells, Chinese headers, frozen header row, filters.
import { rename, rm } from 'node:fs/promises';
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import { ServiceError } from '../services/errors';
import type { Summary, SummaryRow } from './summary';

const POINTS = '0.0';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFB0B8C0' } },
  bottom: { style: 'thin', color: { argb: 'FFB0B8C0' } },
  left: { style: 'thin', color: { argb: 'FFB0B8C0' } },
  right: { style: 'thin', color: { argb: 'FFB0B8C0' } },
};
const FONT = { name: '宋体', size: 11 };

interface Column {
  header: string;
  width: number;
  numFmt?: string;
  wrap?: boolean;
  value: (r: SummaryRow) => string | number | null;
}

/** The 汇总 sheet's header of an item: "A1 按时发布(10)". */
export function itemHeader(item: { id: string; title: string; max: number }): string {
  return `${item.id} ${item.title}(${item.max})`;
}

function summaryColumns(summary: Summary): Column[] {
  return [
    { header: '单位', width: 34, value: (r) => r.organ ?? '（单位未识别）' },
    { header: '年度', width: 7, numFmt: '0', value: (r) => r.year },
    { header: '模板', width: 9, value: (r) => r.template },
    { header: '发布日期', width: 12, value: (r) => r.publishedAt },
    { header: '是否按时', width: 9, value: (r) => r.onTime },
    ...summary.checklist.items.map((item, i): Column => ({
      header: itemHeader(item),
      width: 11,
      numFmt: POINTS,
      wrap: true,
      value: (r) => r.items[i]?.points ?? null,
    })),
    { header: '总分', width: 8, numFmt: POINTS, value: (r) => r.total },
    { header: '等级', width: 8, value: (r) => r.grade },
    { header: '排名', width: 6, numFmt: '0', value: (r) => r.rank },
    { header: '状态', width: 18, value: (r) => r.status },
    { header: '报告编号', width: 9, numFmt: '0', value: (r) => r.reportId },
  ];
}

function addTable(
  wb: ExcelJS.Workbook,
  name: string,
  columns: Omit<Column, 'value'>[],
  rows: (string | number | null)[][],
  options: { freezeFirstColumn?: boolean; headerHeight?: number } = {},
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: options.freezeFirstColumn ? 1 : 0, ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = columns.map((c) => ({ width: c.width }));
  const header = ws.addRow(columns.map((c) => c.header));
  header.height = options.headerHeight ?? 22;
  header.eachCell((cell) => {
    cell.font = { ...FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  for (const values of rows) {
    const row = ws.addRow(values);
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.font = FONT;
      cell.border = THIN;
      if (c.numFmt) cell.numFmt = c.numFmt;
      cell.alignment = { vertical: 'top', wrapText: c.wrap === true && typeof values[i] === 'string' };
    });
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: columns.length } };
  return ws;
}

export function buildWorkbook(summary: Summary, meta: { creator: string; created?: Date }): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = meta.creator;
  wb.created = meta.created ?? new Date();
  wb.title = '政府信息公开工作年度报告评审汇总';

  const cols = summaryColumns(summary);
  addTable(
    wb,
    '汇总',
    cols,
    summary.rows.map((r) => cols.map((c) => c.value(r))),
    { freezeFirstColumn: true, headerHeight: 64 },
  );

  const detail: (string | number | null)[][] = [];
  for (const r of summary.rows)
    for (const f of r.findings)
      detail.push([
        r.organ ?? '（单位未识别）',
        r.year,
        f.id,
        f.title,
        f.status === 'fail' ? '不通过' : '警告',
        f.message,
        f.cells.join('、'),
      ]);
  addTable(
    wb,
    '明细',
    [
      { header: '单位', width: 34 },
      { header: '年度', width: 7, numFmt: '0' },
      { header: '检查项', width: 9 },
      { header: '检查内容', width: 30, wrap: true },
      { header: '结果', width: 8 },
      { header: '说明', width: 70, wrap: true },
      { header: '涉及单元格', width: 24, wrap: true },
    ],
    detail,
  );

  const ranked = summary.rows
    .filter((r) => r.rank !== null)
    .sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || (a.rank ?? 0) - (b.rank ?? 0) || a.reportId - b.reportId);
  addTable(
    wb,
    '排名',
    [
      { header: '年度', width: 7, numFmt: '0' },
      { header: '排名', width: 6, numFmt: '0' },
      { header: '单位', width: 34 },
      { header: '总分', width: 8, numFmt: POINTS },
      { header: '等级', width: 8 },
      { header: '状态', width: 18 },
      { header: '主要扣分', width: 80, wrap: true },
    ],
    ranked.map((r) => [r.year, r.rank, r.organ ?? '（单位未识别）', r.total, r.grade, r.status, r.mainDeductions.join('；')]),
  );
  return wb;
}

/** Writes the workbook next to the target and renames it into place, so a half-written file is never left under the name. */
export async function writeWorkbook(wb: ExcelJS.Workbook, path: string): Promise<void> {
  const partial = `${path}.partial-${process.pid}`;
  try {
    await wb.xlsx.writeFile(partial);
    await rename(partial, path);
  } catch (e) {
    await rm(partial, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES')
      throw new ServiceError(
        'invalid-input',
        `无法写入“${basename(path)}”：文件可能正在 Excel 或 WPS 中打开，或没有写入权限。请关闭后重试。`,
      );
    throw e;
  }
}
