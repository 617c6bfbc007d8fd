// Assess Studio: the page. It holds the scheme's editor, the data grid, the results and the
// explanations, and asks the worker for everything that needs the language (checking,
// reading data, scoring, wording). The scheme and data survive a reload and travel in links.
import type { Lang } from '@assess/core';
import { EXAMPLES } from 'virtual:examples';
import { drawCharts, resizeCharts } from './charts.js';
import { startWorker } from './client.js';
import { schemeEditor, type SchemeEditor } from './editor.js';
import { renderGrid, type Grid } from './grid.js';
import { initialLang, words, type Word } from './i18n.js';
import type { Checked, DataProblem, ExampleResult, GridColumn, Results, Row } from './protocol.js';
import { windowedRows, type WindowedRows } from './rows.js';
import { fromFragment, load, saveData, saveScheme, shareFragment } from './store.js';
import './style.css';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
// Two workers: the editor's, and the data's (reading, scoring, explaining, workbooks).
const editorWorker = startWorker();
const dataWorker = startWorker();
const saved = load();
let lang: Lang = initialLang(saved.lang);
let w = words(lang);

/** Everything the page shows, besides the editor's own state. */
const state = {
  rows: [] as Row[],
  columns: [] as GridColumn[],
  /** The rows are as read from `dataName` (so problems can say where in the file they are). */
  pristine: false,
  dataName: undefined as string | undefined,
  /** Problems found while reading the file (before validation). */
  readProblems: [] as DataProblem[],
  dataProblems: [] as DataProblem[],
  schemeErrors: 0,
  examples: [] as ExampleResult[],
  results: undefined as Results | undefined,
  sort: { column: -1, dir: 'asc' as 'asc' | 'desc' },
  /** Show the items inside sections as columns too. */
  showItems: false,
  tab: 'data',
  /** Data files opened so far (a new one is shown from its first row). */
  files: 0,
  /** The unit whose explanation was last asked for (its row in the results is marked). */
  explained: undefined as string | undefined,
  /** The rows changed since the data worker last had them. */
  rowsChanged: true,
  /** The text of the last scheme without errors, what its plan computes, and the text the data worker has. */
  scheme: { text: '', planKey: undefined as string | undefined, sent: undefined as string | undefined },
};
let editor: SchemeEditor;
let grid: Grid | undefined;
/** The results table as drawn: its units' ids in its order, and its rows. */
let resultsShown: { ids: string[]; rows: WindowedRows } | undefined;
/** What a find box last showed: the grid's row, the results' unit. */
const found = { row: undefined as Row | undefined, unit: undefined as string | undefined };

// ── words ───────────────────────────────────────────────────────────
function applyWords() {
  document.documentElement.lang = lang;
  document.title = w('title');
  for (const el of document.querySelectorAll<HTMLElement>('[data-w]')) el.textContent = w(el.dataset.w as Word) as string;
  for (const el of document.querySelectorAll<HTMLInputElement>('[data-w-placeholder]')) el.placeholder = w(el.dataset.wPlaceholder as Word) as string;
  fillExamplesMenu();
}

function fillExamplesMenu() {
  const menu = $<HTMLSelectElement>('examples');
  menu.replaceChildren(new Option(w('pickExample'), ''), ...EXAMPLES.map((e) => new Option(e.title, e.id)));
}

function status(text: string) {
  $('status').textContent = text;
}

/** An action the user started: if it fails (the network is gone, a file cannot be read), say so. */
function attempt(action: Promise<unknown>): void {
  action.catch(sayFailed);
}

const sayFailed = (e: unknown) => status(`${w('somethingWrong')}${e instanceof Error ? e.message : String(e)}`);

// ── the scheme ──────────────────────────────────────────────────────
function onChecked(c: Checked, text: string) {
  const errors = c.diagnostics.filter((d) => d.severity === 'error').length;
  const errorsCame = (errors > 0) !== (state.schemeErrors > 0);
  state.schemeErrors = errors;
  renderSchemeProblems(c, text);
  status(w('checkedIn')(c.took.toFixed(1)));
  if (c.columns) state.columns = c.columns;
  if (c.examples) state.examples = c.examples;
  renderExamples();
  document.body.dataset.checked = String(c.version);
  persistScheme();
  // The data is scored again only when what the plan computes changed (not for a comment typed).
  if (c.planKey !== undefined && c.planKey !== state.scheme.planKey) {
    state.scheme.text = text;
    state.scheme.planKey = c.planKey;
    // Not at every keystroke: drawing a large cohort's results would hold the editor up.
    clearTimeout(runTimer);
    runTimer = setTimeout(() => attempt(run()), RUN_AFTER_TYPING_MS);
  } else if (errorsCame) renderTab();
}

/** The data is scored again once typing pauses this long. */
const RUN_AFTER_TYPING_MS = 300;
let runTimer: ReturnType<typeof setTimeout> | undefined;

/** The data worker gets the last scheme without errors, if it has not got it yet. */
async function sendScheme() {
  if (state.scheme.sent === state.scheme.text) return;
  const text = state.scheme.text;
  await dataWorker.call('scheme', { text });
  state.scheme.sent = text;
}

function renderSchemeProblems(c: Checked, text: string) {
  const box = $('problems');
  const head = document.createElement('h2');
  head.textContent = c.diagnostics.length === 0 ? w('noProblems') : `${w('problems')} (${c.diagnostics.length})`;
  const list = document.createElement('ul');
  for (const d of c.diagnostics) {
    const li = document.createElement('li');
    li.className = d.severity;
    const line = text.slice(0, d.from).split('\n').length;
    li.append(span('code', d.code), span('at', w('line')(line)), d.message);
    li.addEventListener('click', () => {
      editor.view.dispatch({ selection: { anchor: d.from, head: d.to }, scrollIntoView: true });
      editor.view.focus();
    });
    list.append(li);
  }
  box.replaceChildren(head, list);
}

const span = (cls: string, text: string) => Object.assign(document.createElement('span'), { className: cls, textContent: text });

function renderExamples() {
  const list = $('example-blocks');
  if (state.examples.length === 0) {
    list.replaceChildren(Object.assign(document.createElement('li'), { textContent: w('noExamples') }));
    return;
  }
  list.replaceChildren(
    ...state.examples.map((e) => {
      const li = document.createElement('li');
      li.append(span(e.passed ? 'pass' : 'fail', e.passed ? `✓ ${w('passed')}` : `✗ ${w('failed')}`), ` ${e.label} · ${w('checks')(e.checked)}`);
      if (!e.passed) li.append(Object.assign(document.createElement('pre'), { textContent: e.failures.join('\n') }));
      return li;
    }),
  );
}

// ── the data ────────────────────────────────────────────────────────
let running: Promise<void> | undefined;
let runAgain = false;

/** Score the rows with the scheme (one run at a time; the last change always gets its run). */
async function run(): Promise<void> {
  clearTimeout(runTimer);
  if (running) {
    runAgain = true;
    return running;
  }
  running = (async () => {
    do {
      runAgain = false;
      const started = performance.now();
      await sendScheme();
      const rows = state.rowsChanged ? state.rows : undefined;
      state.rowsChanged = false;
      const r = await dataWorker.call('run', { rows, pristine: state.pristine });
      measure('assess-run', started);
      state.dataProblems = [...state.readProblems, ...r.problems];
      state.results = r.results;
      renderTab();
      measure('assess-run-shown', started);
      // The unit explained is explained again from these results (or not at all, when it is gone).
      if (state.explained !== undefined) await explained(state.explained);
    } while (runAgain);
  })().finally(() => (running = undefined));
  return running;
}

/** User Timing (DevTools' timeline, `pnpm bench`): `assess-run` is the worker's validation and scoring, `assess-run-shown` with the grid and table drawn. */
function measure(name: string, start: number) {
  if (performance.getEntriesByName(name).length > 1000) performance.clearMeasures(name);
  performance.measure(name, { start, end: performance.now() });
}

function renderData() {
  const shown = renderGrid({ table: $<HTMLTableElement>('grid'), choices: $('grid-choices'), note: $('grid-note'), w, onEdit: edited, found: () => found.row }, state.columns, state.rows, state.dataProblems, `file ${state.files}`);
  grid = shown;
  $('data-name').textContent = state.dataName ? `${state.dataName} · ${w('units')(state.rows.length)}` : w('units')(state.rows.length);
  const box = $('data-problems');
  if (state.dataProblems.length === 0) return box.replaceChildren();
  const head = Object.assign(document.createElement('h2'), { textContent: `${w('dataProblems')} (${state.dataProblems.length})` });
  const list = document.createElement('ul');
  for (const p of state.dataProblems.slice(0, 1000)) {
    const li = document.createElement('li');
    li.className = p.severity;
    li.append(span('code', p.code));
    if (p.at ?? p.row !== undefined) li.append(span('at', p.at ?? w('row')(p.row! + 1)));
    li.append(p.message);
    if (p.row !== undefined) li.addEventListener('click', () => shown.reveal(p.row!, p.key));
    list.append(li);
  }
  box.replaceChildren(head, list);
}

function edited() {
  state.rowsChanged = true;
  state.pristine = false;
  state.readProblems = [];
  persistData();
  attempt(run());
}

async function openData(name: string, bytes: ArrayBuffer) {
  await editor.flush();
  if (state.scheme.planKey === undefined) return status(w('fixSchemeFirst'));
  await sendScheme();
  const r = await dataWorker.call('readData', { name, bytes }, [bytes]);
  state.rows = r.rows;
  state.files++;
  found.row = undefined;
  // (The worker keeps the rows it read: they are not sent back to it.)
  state.rowsChanged = false;
  state.readProblems = r.problems;
  state.pristine = true;
  state.dataName = name;
  persistData();
  showTab('data');
  await run();
  // (For tests and scripts: how many files have been opened and scored.)
  document.body.dataset.opened = String(Number(document.body.dataset.opened ?? 0) + 1);
}

async function openFile(file: File) {
  if (/\.assess$/i.test(file.name)) return editor.setText(await file.text());
  await openData(file.name, await file.arrayBuffer());
}

// ── the results ─────────────────────────────────────────────────────
/** The table as shown: core's results table, with the items inside sections after the unit's columns when asked for. */
interface TableView {
  header: string[];
  numeric: boolean[];
  rows: string[][];
  order: (number[] | undefined)[];
}

function tableView(r: Results): TableView {
  if (!state.showItems || r.items.header.length === 0) return r;
  const first = r.numeric.indexOf(true);
  const at = first < 0 ? 1 : first;
  const splice = <T>(xs: readonly T[], ins: readonly T[]) => [...xs.slice(0, at), ...ins, ...xs.slice(at)];
  return {
    header: splice(r.header, r.items.header),
    numeric: splice(r.numeric, r.items.header.map(() => true)),
    rows: r.rows.map((row, i) => splice(row, r.items.cells[i])),
    order: splice<number[] | undefined>(r.order, r.items.order),
  };
}

function renderResults() {
  const table = $<HTMLTableElement>('results');
  const r = state.results;
  table.replaceChildren();
  resultsShown = undefined;
  $('results-summary').textContent = r ? `${r.scheme} · ${w('units')(r.rows.length)}` : state.schemeErrors > 0 ? w('schemeHasErrors') : state.rows.length > 0 ? w('dataHasErrors') : '';
  // With errors in the scheme, the results are those of its last version without errors.
  $('results-stale').textContent = r && state.schemeErrors > 0 ? w('staleResults') : '';
  for (const id of ['download-csv', 'download-xlsx', 'download-json', 'show-items']) ($(id) as HTMLInputElement).disabled = !r;
  if (!r) return;
  const view = tableView(r);
  const head = table.createTHead().insertRow();
  view.header.forEach((h, j) => {
    const th = document.createElement('th');
    th.textContent = h;
    if (state.sort.column === j) th.dataset.sort = state.sort.dir;
    th.addEventListener('click', () => {
      state.sort = { column: j, dir: state.sort.column === j && state.sort.dir === 'asc' ? 'desc' : 'asc' };
      renderResults();
    });
    head.append(th);
  });
  // A row not shown but laid out, of each column's widest cell: scrolling does not change the columns.
  const sizer = table.tHead!.insertRow();
  sizer.className = 'sizer';
  widestCells(view).forEach((text, j) => {
    const td = sizer.insertCell();
    td.textContent = text;
    if (view.numeric[j]) td.className = 'num';
  });
  const order = sortedRows(view);
  const what = `file ${state.files} sorted ${state.sort.column} ${state.sort.dir}${state.showItems ? ' with items' : ''}`;
  const rows = windowedRows(table, order.length, (k, tr) => {
    const i = order[k];
    tr.dataset.unit = view.rows[i][0];
    if (tr.dataset.unit === state.explained) tr.classList.add('selected');
    if (tr.dataset.unit === found.unit) tr.classList.add('found');
    view.rows[i].forEach((cell, j) => {
      const td = tr.insertCell();
      td.textContent = cell;
      if (view.numeric[j]) td.className = 'num';
    });
    tr.addEventListener('click', () => attempt(explain(view.rows[i][0])));
  }, what);
  resultsShown = { ids: order.map((i) => view.rows[i][0]), rows };
  attempt(charts());
}

// ── finding a unit ──────────────────────────────────────────────────
/** Each find box's count, said again (in another language). */
const finders: (() => void)[] = [];

/**
 * A find box over a table that draws only the rows in view (the browser's own find sees no
 * others): the rows whose unit holds the text typed, one after another (Enter: the next), each
 * scrolled to and marked. Its count (`2/5`, or not found) is said again when the language changes.
 */
function wireFind(box: HTMLInputElement, count: HTMLElement, ids: () => readonly string[], show: (k: number) => void) {
  /** The row shown last: the next is the first match after it (the rows may have changed since). */
  let last = -1;
  const matches = () => {
    const t = box.value.trim().toLowerCase();
    return t === '' ? undefined : ids().flatMap((id, k) => (id.toLowerCase().includes(t) ? [k] : []));
  };
  const say = (rows: number[] | undefined, at: number) => (count.textContent = !rows ? '' : rows.length === 0 ? w('noSuchUnit') : `${at + 1}/${rows.length}`);
  const go = (next: boolean) => {
    const hits = matches();
    const rows = hits ?? [];
    const at = next ? Math.max(0, rows.findIndex((k) => k > last)) : 0;
    say(hits, at);
    last = rows[at] ?? -1;
    if (last >= 0) show(last);
  };
  finders.push(() => {
    const rows = matches();
    say(rows, rows ? rows.indexOf(last) : 0);
  });
  box.addEventListener('input', () => go(false));
  box.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || e.isComposing || e.keyCode === 229) return;
    e.preventDefault();
    go(true);
  });
}

/** The table's drawn rows marked `cls` where `is` holds for them (rows drawn later mark themselves as they are drawn). */
function markRows(table: HTMLTableElement, cls: 'found' | 'selected', is: (tr: HTMLElement) => boolean) {
  for (const tr of table.querySelectorAll<HTMLElement>('tbody tr[data-index]')) tr.classList.toggle(cls, is(tr));
}

/** Each column's widest cell, by a count of its characters (a Chinese character about as wide as two others). */
function widestCells(r: TableView): string[] {
  const width = (text: string) => {
    let w = 0;
    for (const c of text) w += c.charCodeAt(0) > 0x2e7f ? 2 : 1;
    return w;
  };
  const widest = r.header.map(() => ({ text: '', w: 0 }));
  for (const row of r.rows) {
    row.forEach((cell, j) => {
      const w = width(cell);
      if (w > widest[j].w) widest[j] = { text: cell, w };
    });
  }
  return widest.map((c) => c.text);
}

/** The rows' order: place order, or by the chosen column (numbers by their exact values). */
function sortedRows(r: TableView): number[] {
  const idx = r.rows.map((_, i) => i);
  const { column, dir } = state.sort;
  if (column < 0 || column >= r.header.length) return idx;
  const rank = r.order[column];
  const cmp = rank ? (a: number, b: number) => rank[a] - rank[b] : (a: number, b: number) => r.rows[a][column].localeCompare(r.rows[b][column], lang);
  idx.sort((a, b) => (dir === 'asc' ? cmp(a, b) : cmp(b, a)) || a - b);
  return idx;
}

/** The results' chart elements. */
const chartElements = () => ({ totals: $('chart-totals'), grades: $('chart-grades'), items: $('chart-items') });

async function charts() {
  if (!state.results) return;
  await drawCharts(chartElements(), state.results.chart, lang);
}

async function explain(unit: string) {
  await explained(unit);
  showTab('explain');
}

/** A unit's explanation in its tab (empty when the results have no such unit), the tab left as it is. */
async function explained(unit: string) {
  state.explained = unit;
  markRows($<HTMLTableElement>('results'), 'selected', (tr) => tr.dataset.unit === unit);
  $('explanation').textContent = (await dataWorker.call('explain', { unit })) ?? '';
}

// ── tabs, downloads, sharing, language ──────────────────────────────
function showTab(tab: string) {
  state.tab = tab;
  for (const b of document.querySelectorAll<HTMLElement>('#tabs button')) b.setAttribute('aria-selected', String(b.dataset.tab === tab));
  for (const p of document.querySelectorAll<HTMLElement>('.panel')) p.classList.toggle('active', p.id === `panel-${tab}`);
  renderTab();
  if (tab === 'results') attempt(charts().then(() => resizeCharts(...Object.values(chartElements()))));
}

/** Draw what the open tab shows (the others are drawn when opened: a large cohort's grid and table take time). */
function renderTab() {
  if (state.tab === 'data') renderData();
  if (state.tab === 'results') renderResults();
}

function download(name: string, data: BlobPart, type: string) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([data], { type }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The results as CSV, with a byte-order mark so that spreadsheet programs read the Chinese right. */
async function csvFile(): Promise<string | null> {
  const csv = await dataWorker.call('resultsCsv', null);
  return csv === null ? null : `\ufeff${csv}`;
}

/** The results as `assess run --format json` prints them. */
async function jsonFile(): Promise<string | null> {
  const json = await dataWorker.call('resultsJson', null);
  return json === null ? null : `${JSON.stringify(json, null, 2)}\n`;
}

/** A button that downloads what the worker makes, named after the scheme and `word`. */
function downloadButton(id: string, make: () => Promise<BlobPart | null>, word: Record<Lang, string>, ext: string, type: string) {
  $(id).addEventListener('click', () =>
    attempt(
      make().then((data) => {
        if (data !== null) download(`${fileBase()}-${word[lang]}.${ext}`, data, type);
      }),
    ),
  );
}
const fileBase = () => (state.results?.scheme || 'assess').replace(/[\\/:*?"<>|]/g, '_').slice(0, 60);

/** What is on the page, for the next visit; a share link left in the address bar by Share is dropped (it no longer says what is on the page). */
const persistScheme = () => {
  forgetLink();
  saveScheme(editor.view.state.doc.toString(), lang);
};
const persistData = () => {
  forgetLink();
  saveData(state.rows, state.dataName);
};
const forgetLink = () => {
  if (location.hash.startsWith('#share=')) history.replaceState(null, '', location.pathname + location.search);
};

async function share() {
  const fragment = await shareFragment({ scheme: editor.view.state.doc.toString(), rows: state.rows });
  if (!fragment) return status(w('shareTooLarge'));
  history.replaceState(null, '', fragment);
  status(w('shareCopied'));
  await navigator.clipboard?.writeText(location.href).catch(() => undefined);
}

async function setLang(next: Lang) {
  lang = next;
  w = words(lang);
  await Promise.all([editorWorker.call('setLang', { lang }), dataWorker.call('setLang', { lang })]);
  applyWords();
  for (const say of finders) say();
  await editor.recheck();
  // Results' headings and messages in the new language.
  await run();
}

async function openExample(id: string) {
  const e = EXAMPLES.find((x) => x.id === id);
  if (!e) return;
  const m = await e.load();
  // (The old rows are not scored with the new scheme on the way.)
  state.rows = [];
  state.rowsChanged = true;
  editor.setText(m.scheme);
  await openData('data.json', new TextEncoder().encode(m.data).buffer as ArrayBuffer);
}

function wire() {
  // A share link opened in this tab (only the fragment changed): opened as a page is.
  window.addEventListener('hashchange', () => {
    if (location.hash.startsWith('#share=')) location.reload();
  });
  wireFind(
    $<HTMLInputElement>('find-row'),
    $('find-row-count'),
    () => state.rows.map((r) => String(r.id ?? '')),
    (k) => {
      found.row = state.rows[k];
      grid?.reveal(k);
      markRows($<HTMLTableElement>('grid'), 'found', (tr) => tr.dataset.index === String(k));
    },
  );
  wireFind(
    $<HTMLInputElement>('find-result'),
    $('find-result-count'),
    () => resultsShown?.ids ?? [],
    (k) => {
      found.unit = resultsShown?.ids[k];
      resultsShown?.rows.reveal(k);
      markRows($<HTMLTableElement>('results'), 'found', (tr) => tr.dataset.unit === found.unit);
    },
  );
  $('format').addEventListener('click', () => attempt(editor.format()));
  $('open').addEventListener('change', (e) => {
    const f = (e.target as HTMLInputElement).files?.[0];
    if (f) attempt(openFile(f));
    (e.target as HTMLInputElement).value = '';
  });
  const results = { zh: '结果', en: 'results' };
  downloadButton('template', () => dataWorker.call('template', null), { zh: '填报模板', en: 'template' }, 'xlsx', XLSX);
  downloadButton('download-csv', csvFile, results, 'csv', 'text/csv;charset=utf-8');
  downloadButton('download-json', jsonFile, results, 'json', 'application/json');
  downloadButton('download-xlsx', () => dataWorker.call('resultsXlsx', null), results, 'xlsx', XLSX);
  $('share').addEventListener('click', () => attempt(share()));
  $('show-items').addEventListener('change', (e) => {
    state.showItems = (e.target as HTMLInputElement).checked;
    state.sort = { column: -1, dir: 'asc' };
    renderResults();
  });
  $('lang').addEventListener('click', () => attempt(setLang(lang === 'zh' ? 'en' : 'zh')));
  $('add-row').addEventListener('click', () => {
    state.rows.push({});
    renderData();
    grid?.reveal(state.rows.length - 1, 'id');
    edited();
  });
  $<HTMLSelectElement>('examples').addEventListener('change', (e) => {
    const id = (e.target as HTMLSelectElement).value;
    (e.target as HTMLSelectElement).value = '';
    attempt(openExample(id));
  });
  for (const b of document.querySelectorAll<HTMLElement>('#tabs button')) b.addEventListener('click', () => showTab(b.dataset.tab!));
  const drop = $('drop');
  window.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.hidden = false;
  });
  drop.addEventListener('dragleave', () => (drop.hidden = true));
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.hidden = true;
    const f = e.dataTransfer?.files[0];
    if (f) attempt(openFile(f));
  });
  window.addEventListener('resize', () => void resizeCharts(...Object.values(chartElements())));
}

/** What to open with: a shared link, else the last session, else the first seed example. */
async function start() {
  await Promise.all([editorWorker.call('setLang', { lang }), dataWorker.call('setLang', { lang })]);
  applyWords();
  wire();
  showTab('data');
  const link = location.hash.startsWith('#share=');
  const shared = link ? await fromFragment(location.hash) : undefined;
  // Read once: from now on the page is the session (a reload keeps later edits, not the link's).
  forgetLink();
  const first = shared ?? (saved.scheme !== undefined ? { scheme: saved.scheme, rows: saved.rows ?? [] } : undefined);
  editor = schemeEditor({ parent: $('editor'), text: first?.scheme ?? '', client: editorWorker, onChecked });
  if (first) {
    state.rows = first.rows;
    state.rowsChanged = true;
    state.dataName = shared ? undefined : saved.dataName;
    // A link's rows are the session's from now on, as its scheme is.
    if (shared) persistData();
    await editor.flush();
    // Rows the worker cannot take (saved before a check could refuse them) are said, and the page is ready all the same.
    await run().catch(sayFailed);
  } else await openExample(EXAMPLES.find((e) => e.id === 'article3-towns')?.id ?? EXAMPLES[0].id);
  if (link && !shared) status(w('shareBroken'));
  document.body.dataset.ready = 'true';
  setTimeout(preload, PRELOAD_AFTER_MS);
}

/** After the first paint, what loads on first use (charts, workbooks, the examples) is loaded too, so that the page works offline from then on. */
const PRELOAD_AFTER_MS = 3000;
function preload() {
  // Offline already: each part is loaded again when first used.
  Promise.all([import('./echarts.js'), dataWorker.call('preload', null), ...EXAMPLES.map((e) => e.load())]).then(
    () => (document.body.dataset.preloaded = 'true'),
    () => undefined,
  );
}

void start();
