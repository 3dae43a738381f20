// Build of the three Electron bundles: main (+ the parse worker), the sandboxed preload (CommonJS), and the React renderer with pdf.js assets.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

const root = import.meta.dirname;
const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));

/** Folders of pdf.js served next to the renderer: CMaps (Chinese text in PDFs with non-embedded fonts) and standard fonts. */
const PDFJS_ASSET_DIRS = ['cmaps', 'standard_fonts'];

function listFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile());
}

/** Copies pdf.js CMaps and standard fonts into the build (as `pdfjs/<dir>/<file>`) and serves them from node_modules in dev. */
function pdfjsAssets(): Plugin {
  return {
    name: 'report-inspector:pdfjs-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /^\/pdfjs\/(cmaps|standard_fonts)\/([\w.-]+)$/.exec((req.url ?? '').split('?')[0] ?? '');
        if (!m) return next();
        try {
          res.end(readFileSync(join(pdfjsRoot, m[1] as string, m[2] as string)));
        } catch {
          res.statusCode = 404;
          res.end();
        }
      });
    },
    generateBundle() {
      for (const dir of PDFJS_ASSET_DIRS) {
        for (const file of listFiles(join(pdfjsRoot, dir))) {
          this.emitFile({ type: 'asset', fileName: `pdfjs/${dir}/${file}`, source: readFileSync(join(pdfjsRoot, dir, file)) });
        }
      }
    },
  };
}

/**
 * `electron-vite dev` only: the page's CSP meta is relaxed for Vite's inline React-refresh preamble and its HMR websocket.
 * Builds keep the strict policy of index.html.
 */
function devCsp(): Plugin {
  return {
    name: 'report-inspector:dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*");
    },
  };
}

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        // The parse worker is a second entry: ImportQueue starts `worker-runner.js` from next to the main bundle.
        input: {
          index: resolve(root, 'src/main/index.ts'),
          'worker-runner': resolve(root, 'src/main/import/worker-runner.ts'),
        },
        output: { entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      // Sandboxed preloads cannot be ES modules.
      rolldownOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    plugins: [react(), pdfjsAssets(), devCsp()],
    build: {
      rolldownOptions: { input: resolve(root, 'src/renderer/index.html') },
      // pdf.js's worker is a module worker loaded by URL; keep it a separate file.
      assetsInlineLimit: 0,
    },
    worker: { format: 'es' },
  },
});
