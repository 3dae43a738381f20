// Makes the "prose next to tables" fixtures (issue 9) in tests/fixtures/synthetic/: the small report of
// tests/unit/support/prose-report.ts as Word (.docx), ruled and unruled PDF (LibreOffice), and the PDF's pdftotext output
// with and without -layout. Needs soffice and pdftotext. Run from the repository root:
//   npx tsx scripts/make-fixtures/prose-tables.ts
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { proseReport, toHtml } from '../../tests/unit/support/prose-report';

const OUT = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'synthetic');
const work = mkdtempSync(join(tmpdir(), 'prose-tables-'));
const profile = `file://${join(work, 'lo-profile')}`;
mkdirSync(OUT, { recursive: true });

// As pdf.sh and word.sh do: the page opened as a web page for PDF, as a Writer document for Word.
const soffice = (target: string, file: string, filter: string[] = []) =>
  execFileSync(
    'soffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--norestore', ...filter, '--convert-to', target, '--outdir', work, file],
    {
      stdio: 'ignore',
      timeout: 180_000,
    },
  );

try {
  const items = proseReport({ t4: 'counts' });
  for (const [variant, borders] of [
    ['ruled', true],
    ['unruled', false],
  ] as const) {
    const html = join(work, `prose-tables.${variant}.html`);
    writeFileSync(html, toHtml(items, borders));
    soffice('pdf', html);
    copyFileSync(join(work, `prose-tables.${variant}.pdf`), join(OUT, `prose-tables.${variant}.pdf`));
    if (variant === 'ruled') {
      soffice('docx:MS Word 2007 XML', html, ['--infilter=HTML (StarWriter)']);
      copyFileSync(join(work, `prose-tables.${variant}.docx`), join(OUT, 'prose-tables.docx'));
      const pdf = join(OUT, `prose-tables.${variant}.pdf`);
      execFileSync('pdftotext', ['-layout', pdf, join(OUT, 'prose-tables.layout.txt')]);
      execFileSync('pdftotext', [pdf, join(OUT, 'prose-tables.raw.txt')]);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
