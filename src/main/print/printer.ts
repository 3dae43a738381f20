// What prints a page: one HTML document in, PDF bytes out (or the system dialog). Chromium does the layout in its own
// process; Electron's webContents in the app, Debian's chromium through playwright-core in the command line and tests.

export interface Printer {
  /** Lays out and prints one HTML document to an A4 PDF (the page's own @page rules decide size and margins). */
  pdf(html: string): Promise<Uint8Array>;
  /** Opens the system print dialog for the document; false when the inspector cancels. Only where there is one (Electron). */
  dialog?(html: string): Promise<boolean>;
  /** How many documents may print at once (Chromium lays them out in parallel). */
  readonly concurrency: number;
  close(): Promise<void>;
}

/** Chromium's own flags for an offline, headless print: no sync, no updates, no network chatter. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
