// `assess report` end to end in Debian's Chromium: the file it writes opens from file:// with
// every request blocked and none made, shows the ranked table, draws its charts (static SVG),
// holds every unit's explanation (the text of `assess explain`), collapsible on screen and
// expanded in print, prints on A4 to a sane number of pages, and logs no console error. A
// scheme and data whose labels and ids are HTML stay text. Screenshots go to test-output/.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from '../../studio/e2e/browser.mjs';
import { main, type Io } from './main.js';

type Session = Awaited<ReturnType<typeof openBrowser>>;

const SHOTS = fileURLToPath(new URL('../test-output/', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../../../examples/', import.meta.url));

async function assess(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: { SOURCE_DATE_EPOCH: '1764547200' } };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

let dir: string;
let s: Session;
/** Requests the page made for anything but its own file. */
let requests: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assess-report-'));
  mkdirSync(SHOTS, { recursive: true });
  s = await openBrowser();
});
afterAll(async () => {
  await s?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Write a report with the CLI and open it offline: every request but the file itself is blocked and kept. */
async function openReport(scheme: string, data: string, name: string, extra: string[] = []) {
  const out = join(dir, `${name}.html`);
  const r = await assess(['report', scheme, '--data', data, '-o', out, ...extra]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const url = pathToFileURL(out).href;
  requests = [];
  s.errors.length = 0;
  await s.page.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  await s.page.emulateMedia({ media: 'screen' });
  await s.page.goto(url);
  await s.page.unroute('**/*');
  return out;
}

/** Page count of a PDF: its page objects. */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

describe.each([
  { example: 'article9-safety', lang: 'zh', h1: '考核结果', ranking: '排名' },
  { example: 'article3-towns', lang: 'en', h1: ': results', ranking: 'Ranking' },
])('assess report $example --lang $lang', ({ example, lang, h1, ranking }) => {
  const scheme = join(EXAMPLES, example, 'scheme.assess');
  const data = join(EXAMPLES, example, 'data.json');

  it('renders offline: title, ranked table, charts drawn, explanations as `assess explain`, no console error', async () => {
    await openReport(scheme, data, `${example}-${lang}`, lang === 'en' ? ['--lang', 'en'] : []);
    const page = s.page;
    expect(await page.locator('h1').textContent()).toContain(h1);
    expect(await page.locator('h2').allTextContents()).toContain(ranking);
    const ids = await page.locator('table.results tbody tr td:first-child').allTextContents();
    const units = JSON.parse((await import('node:fs')).readFileSync(data, 'utf8')).units as { id: string }[];
    expect([...ids].sort()).toEqual(units.map((u) => u.id).sort());
    // Places run from 1 in order down the table.
    const header = await page.locator('table.results thead th').allTextContents();
    const places = (await page.locator(`table.results tbody tr td:nth-child(${header.indexOf(lang === 'zh' ? '名次' : 'place') + 1})`).allTextContents()).filter((p) => p !== '').map(Number);
    expect(places[0]).toBe(1);
    expect([...places].sort((a, b) => a - b)).toEqual(places);
    // Every chart is an SVG with shapes drawn in it, of a size that fits the page.
    const charts = await page.locator('figure.chart svg').evaluateAll((svgs) => svgs.map((svg) => ({ shapes: svg.querySelectorAll('path, rect, circle').length, width: svg.getBoundingClientRect().width })));
    expect(charts.length).toBe(3);
    for (const c of charts) {
      expect(c.shapes).toBeGreaterThan(5);
      expect(c.width).toBeGreaterThan(300);
    }
    // The first unit's explanation, collapsed, is the text `assess explain` prints.
    const first = ids[0];
    const explained = await assess(['explain', scheme, '--data', data, '--unit', first, '--lang', lang]);
    const details = page.locator('details').first();
    expect(await details.getAttribute('open')).toBeNull();
    expect(await details.locator('pre').isVisible()).toBe(false);
    expect(await details.locator('pre').textContent()).toBe(explained.stdout);
    expect(await page.locator('details').count()).toBe(units.length);
    await page.screenshot({ path: `${SHOTS}report-${example}-${lang}.png`, fullPage: true });
    await details.locator('summary').click();
    expect(await details.locator('pre').isVisible()).toBe(true);
    await page.locator('section.explanations').screenshot({ path: `${SHOTS}report-${example}-${lang}-explanation.png` });
    expect(requests).toEqual([]);
    expect(s.errors).toEqual([]);
  });

  it('prints on A4: explanations expanded, a sane number of pages', async () => {
    await openReport(scheme, data, `${example}-${lang}-print`, lang === 'en' ? ['--lang', 'en'] : []);
    const page = s.page;
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('details pre').first().isVisible()).toBe(true);
    await page.screenshot({ path: `${SHOTS}report-${example}-${lang}-print.png`, fullPage: true });
    const pdf = await page.pdf({ format: 'A4' });
    writeFileSync(`${SHOTS}report-${example}-${lang}.pdf`, pdf);
    const pages = pdfPages(pdf);
    // Summary, table and charts take two or three pages; each unit's explanation under one page.
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThan(4 + (await page.locator('details').count()));
    expect(s.errors).toEqual([]);
  });
});

describe('assess report with hostile names', () => {
  it('keeps labels and unit ids that are HTML as text', async () => {
    const evil = '</script><img src=x onerror="document.title=\'pwned\'">';
    const scheme = join(dir, 'evil.assess');
    writeFileSync(
      scheme,
      `scheme "${evil.replace(/"/g, "'")}" total 10\n\ninput {\n  n : 0..10 "${evil.replace(/"/g, "'")}"\n}\n\nsection "<b>${'节'}</b>" max 10 {\n  item "<script>alert(1)</script>" max 10: n\n}\n\ngrade {\n  "<i onmouseover=x>好</i>" if total >= 5\n  otherwise "差"\n}\n`,
    );
    const data = join(dir, 'evil.json');
    writeFileSync(data, JSON.stringify({ units: [{ id: evil, n: 7 }, { id: '<svg onload=alert(2)>', n: 3 }] }));
    await openReport(scheme, data, 'evil');
    const page = s.page;
    expect(await page.locator('img, script, i, b').count()).toBe(0);
    expect(await page.locator('svg[onload]').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');
    expect(await page.locator('table.results tbody').textContent()).toContain(evil);
    expect(await page.locator('figure.chart').first().textContent()).toContain('<svg onload=alert(2)>');
    await page.screenshot({ path: `${SHOTS}report-hostile.png`, fullPage: true });
    expect(s.errors).toEqual([]);
  });
});
