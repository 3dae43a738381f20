// The Printer for the command line and the tests: Debian's chromium driven by playwright-core, offline, scripts off,
// every request except data: refused. A few pages are kept open and reused, so a batch does not pay a tab per sheet.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, type Printer } from './printer';

export interface ChromiumOptions {
  executablePath?: string;
  /** Pages printing at once; two suit a two-core machine. */
  concurrency?: number;
}

export class ChromiumPrinter implements Printer {
  readonly concurrency: number;
  private browser: Promise<{ browser: Browser; context: BrowserContext }> | undefined;
  private readonly idle: Page[] = [];
  private closed = false;

  constructor(private readonly options: ChromiumOptions = {}) {
    this.concurrency = Math.max(1, options.concurrency ?? 2);
  }

  private start(): Promise<{ browser: Browser; context: BrowserContext }> {
    this.browser ??= (async () => {
      const browser = await chromium.launch({
        executablePath: this.options.executablePath ?? process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
        args: CHROMIUM_FLAGS,
      });
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true, locale: 'zh-CN' });
      // The pages are self-contained: nothing is ever fetched (an <img src=http…> in a unit name would be escaped anyway).
      await context.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      return { browser, context };
    })();
    return this.browser;
  }

  private async page(): Promise<Page> {
    const reused = this.idle.pop();
    if (reused) return reused;
    return (await this.start()).context.newPage();
  }

  async pdf(html: string): Promise<Uint8Array> {
    if (this.closed) throw new Error('printer closed');
    const page = await this.page();
    let healthy = false;
    try {
      await page.setContent(html, { waitUntil: 'load' });
      const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      healthy = true;
      return bytes;
    } finally {
      if (healthy && !this.closed) this.idle.push(page);
      else void page.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const started = this.browser;
    this.browser = undefined;
    this.idle.length = 0;
    if (started) await (await started.catch(() => null))?.browser.close();
  }
}
