import { TableBuilder } from '@assess/runtime';
import { fieldNamer } from '@assess/core/rows';
import { loadScheme } from './dist/scheme.js';
import { readJsonLines, textLines } from './dist/read.js';
const plan = loadScheme('/work/main/packages/bench/fixtures/towns.assess').plan;
const mode = process.argv[2];
const file = '/tmp/prof/townsA.jsonl';
for (let r = 0; r < 3; r++) {
  const t0 = performance.now();
  if (mode === 'parse') { let n = 0; await textLines(file, (l) => { if (l.trim() === '') return; JSON.parse(l); n++; }); }
  else if (mode === 'names') { const k = fieldNamer(plan); let n = 0; await textLines(file, (l) => { if (l.trim() === '') return; k(JSON.parse(l)); n++; }); }
  else { const b = new TableBuilder(plan); await readJsonLines(file, fieldNamer(plan), b); b.finish(); }
  console.log(mode, (performance.now() - t0).toFixed(0));
}
