import { readFileSync } from 'node:fs';
import { compile, validateUnits } from '@assess/core';
import { flatRows } from '/work/main/packages/bench/dist/engines.js';
import { handExact } from '/work/main/packages/bench/dist/engines.js';
const plan = compile('flat.assess', readFileSync('/work/main/packages/bench/fixtures/flat.assess','utf8')).plan;
const mods = await Promise.all(process.argv.slice(2).map((f) => import(f)));
const rows = flatRows(100000);
const table = validateUnits(plan, rows, {file:'f.json'}).table;
const t = () => performance.now();
const times = mods.map(() => []); const hand = [];
for (let k = 0; k < 30; k++) {
  for (let j = 0; j < mods.length; j++) { const t0 = t(); mods[j].scoreTable(table); if (k >= 5) times[j].push(t() - t0); }
  const t0 = t(); handExact(rows); if (k >= 5) hand.push(t() - t0);
}
const med = (a) => a.sort((x, y) => x - y)[a.length >> 1];
console.log('hand', med(hand).toFixed(1), ...times.map((x, j) => `${process.argv[2 + j]} ${med(x).toFixed(1)} (${(med(x) / med(hand)).toFixed(2)}x)`));
console.log('grades', (globalThis.GT/30).toFixed(1), 'places', (globalThis.PT/30).toFixed(1), 'gradeOf', (globalThis.GO/30).toFixed(1));
