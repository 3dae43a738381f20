// Dev helper: parse one file with a given reader module and compare to a truth file (not part of the test suite).
import { readFileSync } from 'node:fs';
import { parseReport } from '../src/shared/parse/index';
const [modPath, exportName, f, truthPath] = process.argv.slice(2) as [string, string, string, string];
const mod = await import(modPath);
const r = await mod[exportName](new Uint8Array(readFileSync(f)), { fileName: f });
if (!r.document) {
  console.log('NO DOC', r.problems);
  process.exit(0);
}
const m = parseReport(r.document, f);
const truth = JSON.parse(readFileSync(truthPath, 'utf8'));
let right = 0;
const wrong: string[] = [];
for (const [id, v] of Object.entries(truth.cells)) {
  const c = m.cells[id];
  if (c && c.value === v) right++;
  else wrong.push(`${id} want ${v} got ${c?.value} ${c?.state} ${JSON.stringify(c?.raw)}`);
}
const inv = (truth.undeterminable as string[]).filter((id) => m.cells[id]?.state === 'number');
console.log(
  `${f.split('/').pop()} ${right}/${Object.keys(truth.cells).length} tmpl ${m.template}/${truth.template} year ${m.year}/${truth.year} organ ${m.organ}/${truth.organ} pub ${m.publishedAt}/${truth.publishedAt} invented ${inv.length} sections ${m.sections.map((s) => s.no).join('')}`,
);
for (const w of wrong.slice(0, 10)) console.log('   ', w);
