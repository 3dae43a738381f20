// The main window: sandboxed, isolated, no Node in the renderer, hardened before the first page loads.
import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { APP_ORIGIN, hardenContents, type SecurityOptions } from './security';

export interface WindowOptions extends SecurityOptions {
  /** Folder of the built preload (`out/preload`). */
  preloadDir: string;
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: '政府信息公开年报评审',
    backgroundColor: '#f5f6f8',
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(options.preloadDir, 'index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  hardenContents(win.webContents, options);
  win.once('ready-to-show', () => win.show());
  const url = options.devServerUrl ? options.devServerUrl : `${APP_ORIGIN}/index.html`;
  void win.loadURL(url);
  return win;
}
