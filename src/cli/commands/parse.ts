// `parse <file> --json`: prints one report's model as JSON (contract.md §3); bad input exits 1 with one line on stderr.
import { parseFile } from '../../main/services/parse-file';

export async function runParse(argv: string[]): Promise<number> {
  const file = argv.find((a) => !a.startsWith('--'));
  if (!file) {
    process.stderr.write('用法 usage: parse <文件 file> --json\n');
    return 2;
  }
  const parsed = await parseFile(file);
  if (!parsed.model) {
    const p = parsed.problems[0];
    process.stderr.write(`${file}: ${p?.message ?? '无法读取'} | ${p?.messageEn ?? 'cannot read'}\n`);
    return 1;
  }
  const pretty = !argv.includes('--compact');
  process.stdout.write(JSON.stringify(parsed.model, null, pretty ? 2 : undefined) + '\n');
  return 0;
}
