// The studio end to end, in Debian's Chromium: the built static files served by a tiny
// server; a first visit opens a seed example; an error typed is underlined with its message
// and fixed by its quick fix; CSV and XLSX data are read (bad cells marked); a cohort of
// thousands is drawn a screenful at a time, every row reachable (by scrolling, by a problem
// clicked, by the arrow keys) and editable; the results table equals the CLI's JSON; a unit's explanation is `assess explain`'s text; results
// download as CSV and XLSX; the language switches; the work survives a reload and travels in
// a link; no console errors. Each state is saved as a screenshot under test-output/.
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compile, evaluate, explainUnit, rowsFromJson, validateUnits, withFieldNames, type Plan } from '@assess/core';
import { loadWorkbook } from '@assess/sheets';
import { filledTemplate } from '@assess/testing';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from '../e2e/browser.mjs';
import { serveStatic } from '../e2e/static-server.mjs';

type Session = Awaited<ReturnType<typeof openBrowser>>;
type Page = Session['page'];
type StaticServer = Awaited<ReturnType<typeof serveStatic>>;

const STUDIO = fileURLToPath(new URL('../', import.meta.url));
const SHOTS = `${STUDIO}test-output/`;
const EXAMPLES = new URL('../../../examples/', import.meta.url);
const example = (name: string, file: string) => readFileSync(new URL(`${name}/${file}`, EXAMPLES), 'utf8');
const plan = (name: string): Plan.Plan => compile('scheme.assess', example(name, 'scheme.assess')).plan!;
type ExpectedUnit = { id: string; total: string | null; place: number | null; grade: string | null };
const expected = (name: string): ExpectedUnit[] => JSON.parse(example(name, 'expected.json')).units;

let server: StaticServer;
let s: Session;
let page: Page;
const shot = (name: string) => page.screenshot({ path: `${SHOTS}${name}.png` });

/** The results table as shown: header and rows of text. */
async function resultsTable(): Promise<{ header: string[]; rows: string[][] }> {
  return page.evaluate(() => {
    const t = document.getElementById('results') as HTMLTableElement;
    const text = (r: HTMLTableRowElement) => [...r.cells].map((c) => c.textContent ?? '');
    return { header: t.tHead ? text(t.tHead.rows[0]) : [], rows: [...(t.tBodies[0]?.rows ?? [])].map(text) };
  });
}

/** The table's total, place and grade of each unit equal the CLI's JSON (what `assess run --format json` printed). */
async function expectResultsAsCli(name: string, words = { total: '总分', place: '名次', grade: '等级' }) {
  await page.waitForFunction((n) => (document.getElementById('results') as HTMLTableElement).tBodies[0]?.rows.length === n, expected(name).length);
  const { header, rows } = await resultsTable();
  const col = (h: string) => header.indexOf(h);
  const shown = Object.fromEntries(rows.map((r) => [r[0], [r[col(words.total)], r[col(words.place)], r[col(words.grade)]]]));
  const cli = Object.fromEntries(expected(name).map((u) => [u.id, [u.total ?? '', u.place === null ? '' : String(u.place), u.grade ?? '']]));
  expect(shown).toEqual(cli);
}

/** A scheme's name, as the results summary starts with it. */
const schemeName = (id: string) => plan(id).name;

/** How many data files the page has opened and scored so far. */
const opened = () => page.evaluate(() => Number(document.body.dataset.opened ?? 0));

async function openExample(id: string) {
  const before = await opened();
  await page.selectOption('#examples', id);
  await page.waitForFunction((n) => Number(document.body.dataset.opened ?? 0) > n, before);
  await page.click('[data-tab=results]');
  await page.waitForFunction((t) => document.querySelector('#data-name')?.textContent?.startsWith('data.json') && document.querySelector('#results-summary')?.textContent?.startsWith(t), schemeName(id));
}

async function openFile(name: string, content: string | Uint8Array, mimeType: string) {
  const before = await opened();
  await page.setInputFiles('#open', { name, mimeType, buffer: Buffer.from(content) });
  await page.waitForFunction((n) => Number(document.body.dataset.opened ?? 0) > n, before);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await build({ root: STUDIO, configFile: `${STUDIO}vite.config.ts`, logLevel: 'error' });
  server = await serveStatic(`${STUDIO}dist`);
  s = await openBrowser({ locale: 'zh-CN' });
  page = s.page;
}, 120_000);

// A test that failed leaves a picture of the page as it was.
afterEach(async (cx) => {
  if (cx.task.result?.state === 'fail') await shot(`failed-${cx.task.name.slice(0, 40).replace(/[^\p{L}\p{N}]+/gu, '-')}`);
});

afterAll(async () => {
  await s?.close();
  await server?.close();
});

describe('Assess Studio in Chromium', () => {
  it('a first visit opens a seed example with its data and results, in Chinese', async () => {
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready]');
    expect(await page.textContent('h1')).toBe('Assess 考核方案工作台');
    expect(await page.textContent('#problems')).toContain('方案没有问题');
    expect(await page.locator('#grid tbody tr').count()).toBe(7);
    await page.click('[data-tab=results]');
    await expectResultsAsCli('article3-towns');
    await page.waitForSelector('#chart-totals canvas');
    // Each item's scores: a row per item (article 3 has three items and a bonus), drawn.
    await page.waitForSelector('#chart-items canvas');
    expect(await page.$eval('#chart-items', (el) => el.getBoundingClientRect().height)).toBeGreaterThanOrEqual(200);
    await shot('01-first-visit-results');
  });

  it('an error typed is underlined with its message; its quick fix applies', async () => {
    await page.click('[data-tab=data]');
    await page.click('.cm-content');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n指标 "测试" 满分 5：每 少报次 扣 1');
    await page.waitForSelector('.cm-lintRange-error');
    const problems = await page.textContent('#problems');
    expect(problems).toContain('E0101');
    expect(problems).toMatch(/未知的名称|未定义|少报次/);
    await page.hover('.cm-lintRange-error');
    await page.waitForSelector('.cm-tooltip-lint');
    expect(await page.textContent('.cm-tooltip-lint')).toContain('少报次数');
    await shot('02-error-underlined');
    await page.click('.cm-tooltip-lint .cm-diagnosticAction');
    await page.waitForFunction(() => !document.getElementById('problems')!.textContent!.includes('E0101'));
    expect(await page.textContent('.cm-content')).toContain('每 少报次数 扣 1');
    await shot('03-quick-fix-applied');
  });

  it('completion offers the scheme names, hover says what a name is, format gives the canonical layout', async () => {
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n指标 "补全" 满分 5：每 少报');
    await page.keyboard.press('Control+Space');
    await page.waitForSelector('.cm-tooltip-autocomplete');
    expect(await page.textContent('.cm-tooltip-autocomplete')).toContain('少报次数');
    await shot('04-completion');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.cm-content')!.textContent!.endsWith('每 少报次数'));
    await page.hover('.cm-line >> nth=-1 >> .tok-name');
    await page.waitForSelector('.cm-tooltip-hover .hover');
    expect(await page.textContent('.cm-tooltip-hover')).toContain('次数');
    await shot('05-hover');
    await openExample('article3-towns');
    await page.click('.cm-content');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n\n\n\n# 末尾');
    const saved = () => page.evaluate(() => JSON.parse(localStorage.getItem('assess-studio')!).scheme as string);
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('assess-studio')!).scheme.endsWith('\n\n\n\n# 末尾'));
    await page.click('#format');
    await page.waitForFunction(() => !JSON.parse(localStorage.getItem('assess-studio')!).scheme.includes('\n\n\n'));
    expect(await saved()).toMatch(/[^\n]\n\n# 末尾\n$/);
  });

  it('a CSV headed by labels: the grid has the scheme fields as columns, a bad cell is marked with its message', async () => {
    await openExample('article3-towns');
    const header = ['单位名称', '建立健全组织领导和工作体系，且运转正常', '目标分解', '少报次数', '部门得分', '荣誉'];
    const csv = [header.join(','), '东镇,是,是,两次,80,[]', '西镇,否,是,1,70,"[{""项目"":""桥"",""级别"":""省级"",""年度"":2024,""佐证"":""文件""}]"'].join('\n');
    await openFile('units.csv', csv, 'text/csv');
    await page.waitForSelector('#grid td.bad');
    const bad = page.locator('#grid td.bad');
    expect(await bad.count()).toBe(1);
    expect(await bad.getAttribute('data-key')).toBe('少报次数');
    expect(await bad.getAttribute('title')).toContain('两次');
    expect(await page.textContent('#data-problems')).toContain('units.csv:2');
    await shot('06-csv-bad-cell');
    await bad.locator('input').fill('2');
    await bad.locator('input').press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('#grid td.bad').length === 0);
    // Enter went on to the same field of the next row, still focused once the grid was drawn again after scoring.
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(await focused()).toBe('少报次数 2');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('少报次数 1');
    // Enter while an input method composes (choosing a Chinese word) is the input method's.
    await page.evaluate(() => document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, cancelable: true })));
    expect(await focused()).toBe('少报次数 1');
    await page.click('[data-tab=results]');
    await page.waitForFunction(() => (document.getElementById('results') as HTMLTableElement).tBodies[0]?.rows.length === 2);
    expect((await resultsTable()).rows.map((r) => r[0])).toEqual(['东镇', '西镇']);
  });

  it('a cohort of 3,000 units: every row a scroll away in the grid and the results, only a screenful drawn; a problem is a click away from its cell', async () => {
    await openExample('article3-towns');
    const n = 3000;
    const header = ['单位名称', '建立健全组织领导和工作体系，且运转正常', '目标分解', '少报次数', '部门得分', '荣誉'];
    const name = (i: number) => (i % 997 === 0 ? `经济技术开发区管理委员会${i + 1}` : `镇${i + 1}`);
    const rows = Array.from({ length: n }, (_, i) => `${name(i)},是,是,${i === n - 1 ? '两次' : i % 5},${50 + (i % 40)},[]`);
    await openFile('many.csv', [header.join(','), ...rows].join('\n'), 'text/csv');
    await page.click('[data-tab=data]');
    const drawn = () => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('#grid tr[data-index]')].map((tr) => Number(tr.dataset.index)));
    expect(await page.textContent('#data-name')).toContain(String(n));
    const first = await drawn();
    expect(first[0]).toBe(0);
    expect(first.length).toBeLessThan(100);
    // The scroll bar is every row's: the container is as tall as 3,000 rows.
    const rowHeight = await page.evaluate(() => document.querySelector<HTMLElement>('#grid tr[data-index="0"]')!.getBoundingClientRect().height);
    expect(await page.evaluate(() => document.getElementById('grid')!.parentElement!.scrollHeight)).toBeGreaterThan(n * rowHeight);
    // The last row's bad cell: not drawn, listed below; its problem clicked, the grid scrolls to it and focuses it.
    expect(await page.locator('#grid td.bad').count()).toBe(0);
    await page.click('#data-problems li:has-text("两次")');
    await page.waitForSelector('#grid td.bad');
    expect(await page.getAttribute('#grid td.bad', 'data-key')).toBe('少报次数');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`少报次数 ${n}`);
    expect((await drawn()).includes(0)).toBe(false);
    await shot('06b-3000-units-problem-revealed');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#data-problems')?.textContent === '');
    // Scored again, the grid is drawn again where it was: the mended row still in view.
    expect(await page.inputValue(`#grid tr[data-index="${n - 1}"] td[data-key="少报次数"] input`)).toBe('2');
    expect(await page.evaluate(() => document.getElementById('grid')!.parentElement!.scrollTop)).toBeGreaterThan((n - 50) * rowHeight);
    // A cell typed into and scrolled away from (its row no longer drawn): the edit is kept and scored.
    await page.click(`#grid tr[data-index="${n - 1}"] td[data-key="部门得分"] input`);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('95');
    await page.evaluate(() => (document.getElementById('grid')!.parentElement!.scrollTop = 0));
    await page.waitForFunction(() => document.querySelector('#grid tr[data-index="0"]') !== null);
    await page.waitForFunction(() => document.querySelector('#data-problems')?.textContent?.includes('95'));
    expect(await page.textContent('#data-problems')).toContain(`镇${n}`);
    await page.click('#data-problems li:has-text("95")');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`部门得分 ${n}`);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('90');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#data-problems')?.textContent === '');
    // ↓ from the first row goes down the rows, drawing them as it goes.
    await page.evaluate(() => (document.getElementById('grid')!.parentElement!.scrollTop = 0));
    await page.waitForFunction(() => document.querySelector('#grid tr[data-index="0"]') !== null);
    await page.click('#grid tr[data-index="0"] td[data-key="少报次数"] input');
    for (let i = 0; i < 60; i++) await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('少报次数 61');
    const inView = await page.evaluate(() => {
      const box = document.getElementById('grid')!.parentElement!.getBoundingClientRect();
      const cell = document.activeElement!.getBoundingClientRect();
      return cell.top >= box.top && cell.bottom <= box.bottom;
    });
    expect(inView).toBe(true);
    // The find box (the browser's own find sees only the rows drawn): each unit holding the text in turn, scrolled to and marked.
    await page.fill('#find-row', '经济技术');
    expect(await page.textContent('#find-row-count')).toBe('1/4');
    await page.waitForSelector('#grid tr.found[data-index="0"]');
    await page.press('#find-row', 'Enter');
    expect(await page.textContent('#find-row-count')).toBe('2/4');
    await page.waitForSelector('#grid tr.found[data-index="997"]');
    expect(await page.locator('#grid tr.found').count()).toBe(1);
    // Scrolled away and back, it is drawn again marked.
    await page.evaluate(() => (document.getElementById('grid')!.parentElement!.scrollTop = 0));
    await page.waitForFunction(() => document.querySelector('#grid tr[data-index="997"]') === null);
    await page.evaluate((y) => (document.getElementById('grid')!.parentElement!.scrollTop = y), 990 * rowHeight);
    await page.waitForSelector('#grid tr.found[data-index="997"]');
    await page.fill('#find-row', '没有这个镇');
    expect(await page.textContent('#find-row-count')).toBe('没有找到');
    // The results: every unit, a screenful drawn; the last a scroll away, and explained when clicked.
    await page.click('[data-tab=results]');
    await page.waitForFunction((k) => document.querySelector('#results-summary')?.textContent?.includes(String(k)), n);
    expect(await page.locator('#results tr[data-index]').count()).toBeLessThan(100);
    const columns = () => page.evaluate(() => [...document.querySelectorAll('#results th')].map((th) => Math.round(th.getBoundingClientRect().width)));
    const atTop = await columns();
    await page.evaluate(() => {
      const box = document.getElementById('results')!.parentElement!;
      box.scrollTop = box.scrollHeight;
    });
    await page.waitForSelector(`#results tr[data-index="${n - 1}"]`);
    // The columns are as wide at the end as at the top: as wide as their widest cell, drawn or not.
    expect(await columns()).toEqual(atTop);
    await shot('06c-3000-units-results-end');
    const last = page.locator(`#results tr[data-index="${n - 1}"]`);
    const unit = (await last.getAttribute('data-unit'))!;
    await last.click();
    await page.waitForFunction((u) => document.getElementById('explanation')?.textContent?.includes(u), unit);
    await page.click('[data-tab=results]');
    await page.waitForSelector(`#results tr.selected[data-unit="${unit}"]`);
    await page.fill('#find-result', '镇1500');
    expect(await page.textContent('#find-result-count')).toBe('1/1');
    await page.waitForSelector('#results tr.found[data-unit="镇1500"]');
  });

  it('an XLSX (the template, filled in): results equal the CLI JSON; sorting; a unit explained as assess explain does', async () => {
    const name = 'article3-towns';
    await openFile('units.xlsx', await filledTemplate(plan(name), JSON.parse(example(name, 'data.json')).units), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await page.waitForFunction(() => document.querySelector('#data-name')?.textContent?.startsWith('units.xlsx'));
    await page.click('[data-tab=results]');
    await expectResultsAsCli(name);
    await shot('07-xlsx-results');
    await page.click('#results th:has-text("总分")');
    let rows = (await resultsTable()).rows;
    expect(rows[0][0]).toBe('湖滨风景区');
    await page.click('#results th:has-text("总分")');
    rows = (await resultsTable()).rows;
    expect(rows[0][0]).toBe('经济开发区');
    await page.check('#show-items');
    expect((await resultsTable()).header.slice(0, 4)).toEqual(['单位', '组织领导', '材料报送', '牵头部门考核']);
    await shot('08-items-shown');
    await page.click('#results tbody tr:has-text("石桥镇")');
    await page.waitForSelector('#panel-explain.active');
    const p = plan(name);
    const { table } = validateUnits(p, withFieldNames(p, rowsFromJson(example(name, 'data.json'), 'd').rows), { file: 'd' });
    const text = explainUnit(evaluate(p, table, { trace: true }).unit(table.ids.indexOf('石桥镇')), 'zh');
    await page.waitForFunction(() => document.getElementById('explanation')!.textContent!.length > 0);
    expect(await page.textContent('#explanation')).toBe(text);
    await shot('09-explanation');
  });

  it('a bad XLSX cell is placed at its sheet and cell', async () => {
    const name = 'article3-towns';
    const units = JSON.parse(example(name, 'data.json')).units;
    units[2].部门得分 = 95;
    await openFile('bad.xlsx', await filledTemplate(plan(name), units), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await page.waitForSelector('#grid td.bad');
    expect(await page.textContent('#data-problems')).toContain('数据!E5');
    await shot('10-xlsx-bad-cell');
  });

  it('results download as CSV, XLSX and JSON (equal to assess run --format json); the template downloads', async () => {
    await openExample('article3-towns');
    await page.click('[data-tab=results]');
    await expectResultsAsCli('article3-towns');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    expect(csvText.startsWith('\ufeff单位,定性考核,定量考核,加分,总分,名次,等级,否决')).toBe(true);
    expect(csvText).toContain('经济开发区,10,88,8.13,106.13,1,优秀,');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('#download-xlsx')]);
    expect(xlsx.suggestedFilename()).toMatch(/结果\.xlsx$/);
    const book = await loadWorkbook(readFileSync((await xlsx.path())!));
    expect(book.worksheets.map((w) => w.name)).toEqual(['结果', '得分说明']);
    expect(book.getWorksheet('结果')!.getCell('A2').value).toBe('经济开发区');
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
    expect(JSON.parse(readFileSync((await json.path())!, 'utf8'))).toEqual(JSON.parse(example('article3-towns', 'expected.json')));
    const [template] = await Promise.all([page.waitForEvent('download'), page.click('#template')]);
    const t = await loadWorkbook(readFileSync((await template.path())!));
    expect(t.worksheets.map((w) => w.name)).toEqual(['数据', '字段说明', '荣誉']);
  });

  it('the example blocks show pass or fail', async () => {
    await page.click('[data-tab=examples]');
    expect(await page.locator('#example-blocks .pass').count()).toBe(5);
    await shot('11-example-blocks');
  });

  it('switches to English: interface, messages, results', async () => {
    await page.click('[data-tab=data]');
    await page.fill('#find-row', 'zzz');
    expect(await page.textContent('#find-row-count')).toBe('没有找到');
    await page.click('#lang');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Assess Studio');
    // The find box's words too: its placeholder, and its count said again.
    expect(await page.getAttribute('#find-row', 'placeholder')).toBe('Find a unit (Enter: the next)');
    expect(await page.textContent('#find-row-count')).toBe('not found');
    await page.fill('#find-row', '');
    await page.click('[data-tab=results]');
    await expectResultsAsCli('article3-towns', { total: 'total', place: 'place', grade: 'grade' });
    await page.click('.cm-content');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n指标 "x" 满分 5：每 少报 扣 1');
    await page.waitForFunction(() => document.getElementById('problems')!.textContent!.includes('E0101'));
    expect(await page.textContent('#problems')).toMatch(/unknown name/);
    await shot('12-english');
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => !document.getElementById('problems')!.textContent!.includes('E0101'));
  });

  it('the scheme and data survive a reload, and travel in a link', async () => {
    await openExample('article6-labour');
    await page.reload();
    await page.waitForSelector('body[data-ready]');
    await page.click('[data-tab=results]');
    await page.waitForFunction((t) => document.querySelector('#results-summary')?.textContent?.startsWith(t), schemeName('article6-labour'));
    expect(await page.textContent('h1')).toBe('Assess Studio');
    await page.click('#share');
    await page.waitForFunction(() => location.hash.startsWith('#share='));
    const link = page.url();
    const other = await s.browser.newPage();
    const errors: string[] = [];
    other.on('pageerror', (e) => errors.push(String(e)));
    await other.goto(link);
    await other.waitForSelector('body[data-ready]');
    await other.click('[data-tab=results]');
    await other.waitForFunction((n) => (document.getElementById('results') as HTMLTableElement).tBodies[0]?.rows.length === n, expected('article6-labour').length);
    await other.close();
    expect(errors).toEqual([]);
  });

  it('a link is read once: edits after it survive a reload; a damaged link says so; × deletes the row it is on; an explained unit follows edits', async () => {
    // The page from the test before still has its Share link in the address: an edit drops it.
    expect(page.url()).toContain('#share=');
    await page.click('.cm-content');
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('# edited after sharing\n');
    await page.waitForFunction(() => !location.hash.startsWith('#share='));
    await page.reload();
    await page.waitForSelector('body[data-ready]');
    expect(await page.textContent('.cm-content')).toContain('# edited after sharing');
    // A damaged link: the last session, and a word saying why.
    await page.goto(`${server.url}#share=AAAA`);
    await page.waitForSelector('body[data-ready]');
    expect(await page.textContent('#status')).toMatch(/damaged|已损坏/);
    expect(await page.textContent('.cm-content')).toContain('# edited after sharing');
    // × clicked twice fast (before the grid is drawn again) deletes its own row once.
    await openExample('article3-towns');
    await page.click('[data-tab=data]');
    const units = JSON.parse(example('article3-towns', 'data.json')).units as { id: string }[];
    const ids = () => page.$$eval('#grid tbody tr[data-index] td[data-key="id"] input', (xs) => xs.map((x) => (x as HTMLInputElement).value));
    await page.dblclick('#grid tbody tr[data-index="1"] button.delete');
    await page.waitForFunction((n) => document.querySelectorAll('#grid tbody tr[data-index]').length === n, units.length - 1);
    expect(await ids()).toEqual(units.filter((_, i) => i !== 1).map((u) => u.id));
    // The unit explained is explained again after its data changes.
    await page.click('[data-tab=results]');
    await page.click(`#results tbody tr[data-unit="${units[0].id}"]`);
    await page.waitForSelector('#panel-explain.active');
    const before = await page.textContent('#explanation');
    await page.click('[data-tab=data]');
    await page.fill('#grid tbody tr[data-index="0"] td[data-key="少报次数"] input', '5');
    await page.press('#grid tbody tr[data-index="0"] td[data-key="少报次数"] input', 'Tab');
    await page.waitForFunction((b) => document.getElementById('explanation')!.textContent !== b, before);
    expect(await page.textContent('#explanation')).toContain('5');
  });

  it('works offline once loaded: examples, charts and workbooks were loaded after the first paint', async () => {
    await page.waitForSelector('body[data-preloaded]');
    await s.browser.setOffline(true);
    try {
      await openExample('article9-safety');
      await expectResultsAsCli('article9-safety', { total: 'total', place: 'place', grade: 'grade' });
      await page.waitForSelector('#chart-totals canvas');
      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('#download-xlsx')]);
      expect((await loadWorkbook(readFileSync((await xlsx.path())!))).worksheets.map((w) => w.name)).toEqual(['results', 'explanations']);
      await shot('13-offline');
    } finally {
      await s.browser.setOffline(false);
    }
  });

  it('printed no console error', () => {
    expect(s.errors).toEqual([]);
  });
});
