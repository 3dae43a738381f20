// Helpers for driving the app in the end-to-end tests: import the corpus through the UI, open a report from the library, read the source frame's highlight.
import type { Page } from 'playwright-core';

/** Opens a report from the library and waits until its tables (or the no-tables note) and its source are painted. */
export async function openReport(page: Page, fileName: string): Promise<void> {
  await page.getByRole('button', { name: '报告库', exact: true }).click();
  await page.locator('.report-open', { hasText: fileName }).first().click();
  await page.locator('.tpl-t3, .no-tables').first().waitFor();
  await page.locator('iframe.source-frame, .pdf-page canvas').first().waitFor();
  await page.waitForFunction(() => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe.source-frame');
    if (frame) return (frame.contentDocument?.body?.childElementCount ?? 0) > 0;
    return document.querySelector('.pdf-page .textLayer span') !== null;
  });
}

/** The highlighted element of a kind ('cell', 'span', 'text') inside the sandboxed source frame, read from the app's page. */
export async function frameHighlight(
  page: Page,
  kind?: string,
): Promise<{ text: string; kind: string; visible: boolean; marked: string } | null> {
  return page.evaluate((k) => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe.source-frame');
    const doc = frame?.contentDocument;
    const el = doc?.querySelector<HTMLElement>(k ? `[data-ri-highlight="${k}"]` : '[data-ri-highlight]');
    if (!frame || !doc || !el) return null;
    const r = el.getBoundingClientRect();
    const view = doc.defaultView;
    const visible =
      r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < (view?.innerHeight ?? 0) && r.right > 0 && r.left < (view?.innerWidth ?? 0);
    const marked = [...doc.querySelectorAll('mark[data-ri-mark]')].map((m) => m.textContent ?? '').join('');
    return { text: el.textContent ?? '', kind: el.getAttribute('data-ri-highlight') ?? '', visible, marked };
  }, kind);
}

/** True when nothing but the panes scrolls: the window and the app's main area have no scrollbar of their own. */
export async function onlyPanesScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const main = document.querySelector<HTMLElement>('.app-main');
    const root = document.scrollingElement;
    const fits = (el: Element | null): boolean => !el || el.scrollHeight <= el.clientHeight + 1;
    return fits(main) && fits(root) && (root?.scrollWidth ?? 0) <= (root?.clientWidth ?? 0) + 1;
  });
}

/** Imports the corpus folder the host's chooser gives, through the 导入 screen, and waits for its summary (no file failed). */
export async function importCorpusThroughUi(page: Page): Promise<number> {
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await page.getByRole('button', { name: '选择文件夹' }).click();
  await page.locator('.import-summary').waitFor({ timeout: 170_000 });
  return Number(await page.locator('[data-count="failed"]').textContent());
}
