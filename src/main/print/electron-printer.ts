// The Printer inside the app: a hidden, sandboxed BrowserWindow (scripts off, its own in-memory session that refuses
// every request but the page itself) loads the page from a temporary file; printToPDF for files, print() for the dialog.
// Only src/main/index.ts imports this file, so the command line and the tests never load Electron.
import { BrowserWindow, session } from 'electron';
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Printer } from './printer';

const PARTITION = 'report-inspector-print';

export class ElectronPrinter implements Printer {
  readonly concurrency = 1;
  private readonly allowed = new Set<string>();
  private hardened = false;

  private session(): Electron.Session {
    const s = session.fromPartition(PARTITION, { cache: false });
    if (!this.hardened) {
      this.hardened = true;
      // The page is self-contained: only its own file (and inline data) may load; nothing else, ever.
      s.webRequest.onBeforeRequest((details, callback) => {
        callback({ cancel: !(this.allowed.has(details.url) || details.url.startsWith('data:')) });
      });
      s.setPermissionRequestHandler((_c, _p, callback) => callback(false));
      s.setPermissionCheckHandler(() => false);
      s.on('will-download', (event) => event.preventDefault());
    }
    return s;
  }

  /** Loads the page in a fresh hidden window, runs `use`, then closes the window and removes the file. */
  private async withPage<T>(html: string, show: boolean, use: (win: BrowserWindow) => Promise<T>): Promise<T> {
    const file = join(tmpdir(), `report-inspector-print-${randomBytes(8).toString('hex')}.html`);
    await writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
    const url = pathToFileURL(file).href;
    this.allowed.add(url);
    const win = new BrowserWindow({
      show,
      width: 900,
      height: 1200,
      webPreferences: {
        session: this.session(),
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
        webSecurity: true,
        webviewTag: false,
        spellcheck: false,
      },
    });
    try {
      await win.loadURL(url);
      return await use(win);
    } finally {
      this.allowed.delete(url);
      if (!win.isDestroyed()) win.destroy();
      await rm(file, { force: true });
    }
  }

  async pdf(html: string): Promise<Uint8Array> {
    return this.withPage(html, false, (win) =>
      win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false }),
    );
  }

  async dialog(html: string): Promise<boolean> {
    return this.withPage(
      html,
      false,
      (win) =>
        new Promise<boolean>((resolve) => {
          win.webContents.print({ silent: false, printBackground: true }, (success) => resolve(success));
        }),
    );
  }

  async close(): Promise<void> {
    this.allowed.clear();
  }
}
