// Print and export end to end in Chromium over the loopback host: grade two reports, see the 排名, print the year's
// 评分表 to one A4 PDF (pdfinfo, pdftotext), export the Excel summary (read back with exceljs: the library's totals),
// hand a review package to a second library and back, and see the summary and the conflict it brings.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../src/main/host/server';
import { openLibrary, type Library } from '../../src/main/services/library';
import type { ReportSummary } from '../../src/shared/ipc/contract';
import { ROOT, RENDERER_DIR, ensureBuilt } from './support/build';
import { launch, newPage, screenshot } from './support/browser';
import { importCorpusThroughUi, openReport } from './support/review';

const CORPUS = join(ROOT, 'tests', 'fixtures', 'corpus');
const FOLDERS = [join(CORPUS, 'real'), join(CORPUS, 'seeds')];
/** Two 2025 reports: 溆浦县低庄镇 and 石柱土家族自治县西沱镇. */
const DIZHUANG = 'seed-004.txt';
const XITUO = 'seed-002.txt';
const YEAR = 2025;

let dir: string;
let host: Host;
let second: Library | undefined;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'ri-e2e-print-'));
  host = await startHost({
    dbPath: join(dir, 'library.sqlite'),
    dialogPaths: { folder: FOLDERS },
    rendererDir: RENDERER_DIR,
    userName: '甲评审',
  });
  browser = await launch();
  page = await newPage(browser);
  await page.goto(host.url);
  expect(await importCorpusThroughUi(page)).toBe(0);
}, 200_000);

afterAll(async () => {
  await browser?.close();
  await second?.close();
  await host?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const item = (id: string) => page.locator(`.grade-item[data-item-id="${id}"]`);
const bar = () => page.locator('.output-bar');
/** A job's outcome in the bar's status line, by what it is about (评分表：, Excel：, 评审包：). */
const status = (what: string) => bar().locator('.output-status .job-message', { hasText: what });
const squash = (s: string): string => s.replace(/\s+/g, '');

async function reportsOf(year: number): Promise<ReportSummary[]> {
  const r = await host.library.wrapped['library:list']({ year, limit: 100 });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.reports;
}

/** Answers the browser host's path prompt (there is no native save dialog in a browser). */
async function answerPrompt(title: RegExp, path?: string): Promise<string> {
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.waitFor();
  const input = dialog.locator('input[name="path"]');
  if (path !== undefined) await input.fill(path);
  const value = await input.inputValue();
  await dialog.getByRole('button', { name: /保存|打开/ }).click();
  return value;
}

function pdfInfo(path: string): { pages: number; size: string } {
  const out = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return { pages: Number(/Pages:\s+(\d+)/.exec(out)?.[1]), size: /Page size:\s+(.+)/.exec(out)?.[1] ?? '' };
}

let dizhuangD3 = 0;
let dizhuangD3Suggested = 0;

describe('print and export in Chromium', () => {
  it('grades two reports: items confirmed with the keyboard and one overridden with a note', async () => {
    await openReport(page, DIZHUANG);
    await item('A1').waitFor();
    await page.locator('.review-head h2').click();
    await page.keyboard.press(']');
    await page.keyboard.press('c');
    await page.keyboard.press('c');
    await expect.poll(() => item('A2').locator('.grade-state').textContent()).toBe('已确认');
    const d3 = item('D3');
    const suggested = Number((await d3.locator('[data-field="suggested"]').textContent())?.replace(/[^\d.]/g, ''));
    dizhuangD3Suggested = suggested;
    dizhuangD3 = suggested >= 1 ? suggested - 1 : suggested + 1;
    await d3.getByRole('button', { name: /改分/ }).click();
    await d3.locator('input[name="points"]').fill(String(dizhuangD3));
    await d3.locator('input[name="note"]').fill('依申请公开情况说明不完整');
    await d3.getByRole('button', { name: '保存得分' }).click();
    await expect.poll(() => d3.locator('.grade-state').textContent()).toBe('已改分');

    await openReport(page, XITUO);
    await item('A1').waitFor();
    await item('A1')
      .getByRole('button', { name: /确认建议分/ })
      .click();
    await expect.poll(() => item('A1').locator('.grade-state').textContent()).toBe('已确认');
    await item('B1')
      .getByRole('button', { name: /确认建议分/ })
      .click();
    await expect.poll(() => item('B1').locator('.grade-state').textContent()).toBe('已确认');

    const graded = (await reportsOf(YEAR)).filter((r) => r.grading?.state === 'in-progress').map((r) => r.fileName);
    expect(graded.sort()).toEqual([XITUO, DIZHUANG].sort());
  });

  it('prints this report from the review header to a one-report PDF', async () => {
    await openReport(page, DIZHUANG);
    const head = page.locator('.review-head');
    await head.getByRole('button', { name: '导出 PDF' }).click();
    await page.getByRole('dialog', { name: /导出 PDF/ }).waitFor();
    await screenshot(page, '40-review-print-prompt');
    const path = join(dir, '低庄镇评分表.pdf');
    await answerPrompt(/导出 PDF/, path);
    await expect.poll(() => head.locator('.job-message').textContent(), { timeout: 90_000 }).toContain('已导出');
    expect(await head.locator('.job-message').getAttribute('title')).toContain(path);
    expect(existsSync(path)).toBe(true);
    expect(pdfInfo(path).size).toContain('A4');
    expect(squash(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }))).toContain('低庄镇');
    await screenshot(page, '41-review-printed');
  }, 120_000);

  it('shows the county ranking of the year and opens a report from a row', async () => {
    await page.getByRole('button', { name: '排名', exact: true }).click();
    await page.locator('.ranking-screen select').selectOption(String(YEAR));
    // One line per unit's report (two files of the same report rank once).
    await expect.poll(() => page.locator('.ranking-table tbody tr').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.ranking-table tbody tr').count()).toBeLessThanOrEqual((await reportsOf(YEAR)).length);
    const rows = await page.locator('.ranking-table tbody tr').allTextContents();
    expect(rows.some((r) => r.includes('低庄镇') && r.includes('评审中'))).toBe(true);
    expect(rows.some((r) => r.includes('西沱镇') && r.includes('评审中'))).toBe(true);
    expect(await page.locator('.ranking-sample').textContent()).toContain('样本偏少');
    await screenshot(page, '42-ranking');
    await page
      .locator('.ranking-table')
      .getByRole('button', { name: /低庄镇/ })
      .click();
    await expect.poll(() => page.locator('.review-head h2').textContent()).toContain('低庄镇');
  });

  it('prints the year to one A4 PDF, one sheet per report, with progress', async () => {
    await page.getByRole('button', { name: '报告库', exact: true }).click();
    await page.locator('.library-filters select').first().selectOption(String(YEAR));
    await expect.poll(() => bar().getByLabel('打印导出范围').inputValue()).toBe(`y:${YEAR}`);
    await bar().getByRole('button', { name: '导出 PDF' }).click();
    const dialog = page.getByRole('dialog', { name: /导出 PDF/ });
    await dialog.waitFor();
    expect(await dialog.locator('input[name="path"]').inputValue()).toBe(join(dir, `${YEAR}年度评分表.pdf`));
    await screenshot(page, '43-library-print-prompt');
    const path = await answerPrompt(/导出 PDF/);
    // The batch shows its progress (the unit being laid out) until it is written.
    await bar().locator('.output-status .job-progress').waitFor({ timeout: 30_000 });
    await screenshot(page, '44-library-print-progress');
    const done = status('评分表：');
    await expect.poll(() => done.textContent(), { timeout: 150_000 }).toContain('已导出');
    expect(await done.getAttribute('role')).toBe('status');
    await screenshot(page, '45-library-printed');

    expect(existsSync(path)).toBe(true);
    const info = pdfInfo(path);
    expect(info.size).toMatch(/595(\.\d+)? x 841(\.\d+)?|595(\.\d+)? x 842|A4/);
    expect(info.pages).toBeGreaterThanOrEqual((await reportsOf(YEAR)).length);
    const text = squash(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }));
    expect(text).toContain('溆浦县低庄镇');
    expect(text).toContain('西沱镇');
    expect(text).toContain('评审人');
  }, 180_000);

  it('cancels a batch print, or says it was done when it finished first', async () => {
    await bar().getByLabel('评分表顺序').selectOption('unit');
    await bar().getByRole('button', { name: '导出 PDF' }).click();
    const path = await answerPrompt(/导出 PDF/, join(dir, 'cancelled.pdf'));
    const cancel = bar().locator('.output-status').getByRole('button', { name: '取消' });
    const message = status('评分表：');
    await Promise.race([cancel.waitFor({ timeout: 30_000 }), message.waitFor({ timeout: 30_000 })]);
    if (await cancel.isVisible()) {
      await expect.poll(() => cancel.isEnabled(), { timeout: 10_000 }).toBe(true);
      await cancel.click().catch(() => undefined);
    }
    await expect.poll(() => message.textContent(), { timeout: 150_000 }).toMatch(/已取消|已导出/);
    const text = (await message.textContent()) ?? '';
    console.log(`batch print: ${text}`);
    if (text.includes('已取消')) {
      expect(existsSync(path)).toBe(false);
      expect(await message.getAttribute('role')).toBe('status');
    }
    await bar().getByLabel('评分表顺序').selectOption('ranking');
  }, 180_000);

  it('exports the Excel summary of the year: one row per report, the totals the library shows', async () => {
    await bar().getByRole('button', { name: '导出 Excel' }).click();
    // The prompt remembers the folder used last.
    const path = await answerPrompt(/导出 Excel/);
    expect(path).toBe(join(dir, `${YEAR}年度评审汇总表.xlsx`));
    const done = status('Excel：');
    await expect.poll(() => done.textContent(), { timeout: 120_000 }).toContain('已导出');
    await screenshot(page, '46-library-excel');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const sheet = wb.getWorksheet('汇总');
    expect(sheet).toBeDefined();
    const header = (sheet!.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const col = (name: string): number => header.indexOf(name);
    expect(col('总分')).toBeGreaterThan(0);
    const totals = new Map<number, number>();
    for (let r = 2; r <= sheet!.rowCount; r++) {
      const row = sheet!.getRow(r);
      totals.set(Number(row.getCell(col('报告编号')).value), Number(row.getCell(col('总分')).value));
    }
    const library = await reportsOf(YEAR);
    expect(totals.size).toBeGreaterThanOrEqual(2);
    expect(totals.size).toBe(library.length);
    for (const r of library) expect(totals.get(r.id), r.fileName).toBe(r.grading?.total);
  }, 150_000);

  it('hands a review package to a colleague and back: summary, the conflict kept and shown, a link to the item', async () => {
    // The two graded reports, chosen in the library.
    for (const f of [DIZHUANG, XITUO]) await page.locator('.report-row', { hasText: f }).locator('input[type="checkbox"]').check();
    await expect.poll(() => bar().getByLabel('打印导出范围').inputValue()).toBe('sel');
    await bar().getByRole('button', { name: '导出评审包' }).click();
    const pkg = await answerPrompt(/导出评审包/);
    expect(pkg).toBe(join(dir, '评审交接包（2份）.ripkg'));
    const exported = status('评审包：');
    await expect.poll(() => exported.textContent(), { timeout: 60_000 }).toContain('2 份报告');
    await screenshot(page, '47-library-package-exported');

    // The 复核 colleague's library: the package imported, one item decided otherwise, a package sent back.
    second = openLibrary({ dbPath: join(dir, 'second.sqlite'), userName: '乙复核' });
    const got = await second.wrapped['package:import']({ path: pkg });
    if (!got.ok) throw new Error(got.error.message);
    expect(got.value).toMatchObject({ added: 2, merged: 0, conflicts: [] });
    const again = await second.wrapped['package:import']({ path: pkg });
    expect(again.ok && again.value).toMatchObject({ added: 0, merged: 2, appended: 0, conflicts: [] });
    const list = await second.wrapped['library:list']({ year: YEAR });
    const there = list.ok ? list.value.reports.find((r) => r.fileName === DIZHUANG) : undefined;
    expect(there).toBeDefined();
    // The colleague keeps the suggestion where we took a point off (or added one).
    const theirs = dizhuangD3Suggested;
    const decided = await second.wrapped['grade:decide']({ reportId: there!.id, itemId: 'D3', points: theirs });
    if (!decided.ok) throw new Error(decided.error.message);
    const back = join(dir, '复核退回.ripkg');
    const sent = await second.wrapped['package:export']({ reportIds: [there!.id], path: back });
    if (!sent.ok) throw new Error(sent.error.message);

    // Meanwhile the first inspector looks at D3 again and keeps the deduction: two decisions made apart, a conflict.
    const here = await host.library.wrapped['grade:decide']({
      reportId: (await reportsOf(YEAR)).find((r) => r.fileName === DIZHUANG)!.id,
      itemId: 'D3',
      points: dizhuangD3,
      note: '再次核对，维持扣分',
    });
    if (!here.ok) throw new Error(here.error.message);

    // Back here through the UI: merged, the colleague's decision appended, the conflict listed (ours stays in force).
    await bar().getByRole('button', { name: '导入评审包' }).click();
    await answerPrompt(/导入评审包/, back);
    const summary = page.locator('.package-summary');
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.locator('[data-count="added"]').textContent()).toBe('0');
    expect(await summary.locator('[data-count="merged"]').textContent()).toBe('1');
    expect(Number(await summary.locator('[data-count="appended"]').textContent())).toBeGreaterThanOrEqual(1);
    expect(await summary.locator('[data-count="conflicts"]').textContent()).toBe('1');
    const row = summary.locator('.conflict-row');
    expect(await row.textContent()).toContain('低庄镇');
    expect(await row.locator('[data-field="here"]').textContent()).toBe(String(dizhuangD3));
    expect(await row.locator('[data-field="there"]').textContent()).toBe(String(theirs));
    expect(await row.textContent()).toContain('乙复核');
    await screenshot(page, '48-package-summary');

    // The 冲突 list (badge in the bar) and its link to the report's grading panel on that item.
    const tab = page.locator('.nav-tab', { hasText: '冲突' });
    await expect.poll(() => tab.locator('.nav-badge').textContent()).toBe('1');
    await tab.click();
    await page.locator('.conflicts-screen .conflict-row').waitFor();
    expect(await page.locator('.conflicts-screen .conflict-row').count()).toBe(1);
    await screenshot(page, '49-conflicts');
    await page.locator('.conflicts-screen').getByRole('button', { name: '查看评分' }).click();
    await expect.poll(() => page.locator('.review-head h2').textContent()).toContain('低庄镇');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-item-id'))).toBe('D3');
    expect(await page.locator('.conflict-strip').textContent()).toContain(`D3 本机 ${dizhuangD3} 分，乙复核 ${theirs} 分`);
    // Ours is still the one in force here.
    expect(Number(await item('D3').locator('[data-field="points"]').textContent())).toBe(dizhuangD3);
    await screenshot(page, '50-conflict-item');

    // Importing the same package twice changes nothing.
    const twice = await host.library.wrapped['package:import']({ path: back });
    expect(twice.ok && twice.value).toMatchObject({ added: 0, merged: 1, appended: 0 });
  }, 150_000);
});
