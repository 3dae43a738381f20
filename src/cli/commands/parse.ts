// `parse <file> --json`: prints one report's model as JSON (contract.md §3). The parse runs in a worker thread with a
// memory limit and a 30 s time limit, so no file can hang or exhaust the process; bad input exits 1 with one line on stderr.
import { ParsePool } from '../../main/import/worker';

const TIMEOUT_MS = 30_000;

const ENGLISH: Record<string, string> = {
  'unsupported-format': 'unsupported file type',
  'corrupt-file': 'corrupt or unreadable file',
  'password-protected': 'password-protected document',
  empty: 'empty file',
  'too-large': 'file too large',
  timeout: 'parsing took longer than 30 s',
  crash: 'the parser stopped on this file',
  error: 'cannot read',
};

export async function runParse(argv: string[]): Promise<number> {
  const file = argv.find((a) => !a.startsWith('--'));
  if (!file) {
    process.stderr.write('用法 usage: parse <文件 file> --json\n');
    return 2;
  }
  const pool = new ParsePool({ size: 1, timeoutMs: TIMEOUT_MS, maxOldGenerationSizeMb: 1536 });
  try {
    const outcome = await pool.parse(file);
    if (outcome.kind === 'failed') {
      process.stderr.write(`${file}: ${outcome.reason} | ${ENGLISH[outcome.problem] ?? 'cannot read'}\n`);
      return 1;
    }
    const { model, problems } = outcome.payload;
    if (!model) {
      const p = problems[0];
      process.stderr.write(`${file}: ${p?.message ?? '无法读取'} | ${ENGLISH[p?.kind ?? 'error'] ?? 'cannot read'}\n`);
      return 1;
    }
    process.stdout.write(JSON.stringify(model, null, argv.includes('--compact') ? undefined : 2) + '\n');
    return 0;
  } finally {
    await pool.close();
  }
}
