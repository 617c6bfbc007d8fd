// The studio's speed in Chromium, for `pnpm bench` (packages/bench runs this in a child and
// reads its last line, JSON):
//
//   node packages/studio/e2e/bench.mjs --lines SCHEME.assess --towns SCHEME.assess --data UNITS.json [--edits 100] [--runs 5]
//
// 1. diagnostics after a keystroke: a scheme (300 lines) in the editor; a character typed into
//    a label and deleted again, `--edits` times, each timed by the page's own User Timing
//    measure `assess-diagnostics` (the change → its diagnostics shown);
// 2. evaluating units: the towns scheme and a data file of 10,000 units opened `--runs`
//    times; `assess-run` is the worker's validation, scoring and wording as the page waits
//    for it, `assess-run-shown` with the grid and the results table drawn; then keystrokes as in
//    1 with those units loaded (they are scored again once typing pauses, in the data's worker);
// 3. the JavaScript a first visit transfers (gzip) before its first paint, and what is loaded
//    after it (charts, workbooks).
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { openBrowser } from './browser.mjs';
import { serveStatic } from './static-server.mjs';

const STUDIO = fileURLToPath(new URL('../', import.meta.url));
const DIST = `${STUDIO}dist/`;
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};

/** The page opened with a scheme (and no data) as if the last session had left it. */
async function openWith(page, url, scheme) {
  await page.goto(url);
  await page.evaluate((s) => localStorage.setItem('assess-studio', JSON.stringify({ scheme: s, rows: [], lang: 'en' })), scheme);
  await page.reload();
  await page.waitForSelector('body[data-ready]');
  await page.waitForFunction(() => performance.getEntriesByName('assess-run').length > 0);
}

const measures = (page, name) => page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name);

async function diagnosticsLatency(page, url, scheme, edits) {
  await openWith(page, url, scheme);
  return typeInLabel(page, edits);
}

/** A character typed into a label and deleted again, `edits` times: each keystroke's `assess-diagnostics`. */
async function typeInLabel(page, edits) {
  await page.click('.tok-label >> nth=3');
  await page.evaluate(() => performance.clearMeasures('assess-diagnostics'));
  for (let i = 0; i < edits; i++) {
    for (const key of ['x', 'Backspace']) {
      const before = (await measures(page, 'assess-diagnostics')).length;
      await page.keyboard.press(key);
      await page.waitForFunction((n) => performance.getEntriesByName('assess-diagnostics').length > n, before, { polling: 1 });
    }
  }
  return measures(page, 'assess-diagnostics');
}

async function evaluation(page, url, scheme, data, runs) {
  await openWith(page, url, scheme);
  const units = JSON.parse(readFileSync(data, 'utf8')).units.length;
  await page.evaluate(() => performance.clearMeasures());
  for (let i = 0; i < runs; i++) {
    await page.setInputFiles('#open', data);
    await page.waitForFunction((n) => performance.getEntriesByName('assess-run-shown').length > n, i, { polling: 10 });
  }
  await page.click('[data-tab=results]');
  const shownUnits = await page.evaluate(() => document.querySelector('#results-summary')?.textContent ?? '');
  if (!shownUnits.includes(String(units))) throw new Error(`the results do not show ${units} units: ${shownUnits}`);
  const run = await measures(page, 'assess-run');
  const shown = await measures(page, 'assess-run-shown');
  // Typing with the cohort loaded: a label edited changes the plan, so the units are scored again once typing pauses.
  const whileScoring = await typeInLabel(page, 20);
  return { units, run, shown, whileScoring };
}

/** Each JavaScript file the page has loaded so far, with its size and gzip size. */
async function loadedScripts(page) {
  const names = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  return [...new Set(names)].filter((n) => n.endsWith('.js')).map((n) => fileSize(n.replace(/^\//, '')));
}

function fileSize(file) {
  const bytes = readFileSync(`${DIST}${file}`);
  return { file, raw: bytes.length, gzip: gzipSync(bytes).length };
}

async function transferred(page, url) {
  await page.goto(url);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector('body[data-ready]');
  const all = readdirSync(`${DIST}assets`).filter((f) => f.endsWith('.js')).map((f) => fileSize(`assets/${f}`));
  const named = (re) => all.filter((f) => re.test(f.file));
  // (Charts and workbooks are loaded a few seconds after the first paint, for working offline.)
  const later = [...named(/\/echarts-/), ...named(/\/sheets-/)];
  const loaded = (await loadedScripts(page)).filter((f) => !later.some((l) => l.file === f.file));
  // The worker's script is loaded by the worker: it shows among the page's resources in Chromium, or not; count it either way.
  const worker = named(/\/worker-[^/]*\.js$/);
  const firstVisit = [...loaded, ...worker.filter((w) => !loaded.some((f) => f.file === w.file))];
  return { firstVisit, charts: named(/\/echarts-/), workbooks: named(/\/sheets-/), all };
}

async function main() {
  const lines = readFileSync(arg('--lines'), 'utf8');
  const towns = readFileSync(arg('--towns'), 'utf8');
  const data = arg('--data');
  await build({ root: STUDIO, configFile: `${STUDIO}vite.config.ts`, logLevel: 'error' });
  const server = await serveStatic(DIST);
  const s = await openBrowser({ locale: 'en-US' });
  try {
    const diagnostics = await diagnosticsLatency(s.page, server.url, lines, Number(arg('--edits', '100')));
    const run = await evaluation(s.page, server.url, towns, data, Number(arg('--runs', '5')));
    const js = await transferred(s.page, server.url);
    if (s.errors.length > 0) throw new Error(`console errors: ${s.errors.join('\n')}`);
    const version = s.browser.browser()?.version() ?? 'chromium';
    console.log(JSON.stringify({ chromium: version, lines: lines.replace(/\n$/, '').split('\n').length, diagnostics, ...run, js }));
  } finally {
    await s.close();
    await server.close();
  }
}

await main();
