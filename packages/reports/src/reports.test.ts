// The rules table as Markdown, HTML and Word (opened again: the document's XML read back),
// the report's HTML (summary figures exact, hostile names escaped), and the charts' data (a
// unit's stacked bars add up to its total). Rendering in a real browser is tested with the
// CLI (packages/cli/src/report.e2e.test.ts).
import { readFileSync } from 'node:fs';
import { compile, Decimal, evaluate, ranked, rowsFromJson, rulesTable, validateUnits, withFieldNames, type Plan, type UnitResult } from '@assess/core';
import JSZip from 'jszip';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BARS_PER_UNIT, chartData, itemsOption, resultsReport, rulesTableDocx, rulesTableHtml, rulesTableMarkdown } from './index.js';

const EVIL = '</script><img src=x onerror=alert(1)>|a\\b';
const SCHEME = `方案 "考核" 总分 10
输入 {
  n : 0..10 "完成 | 数量"
  违规 : 是否 "<b>违规</b>"
}
小节 "${EVIL}" 满分 10 {
  指标 "<script>x</script>" 满分 10：n
}
一票否决 "<i>否决</i>" 若 违规
等级 {
  一票否决 "不合格"
  "好" 若 总分 >= 5
  否则 "差"
}
`;

const compiled = (source: string) => {
  const c = compile('s.assess', source);
  expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return c;
};

function results(plan: Plan.Plan, json: string): UnitResult[] {
  const { table, diagnostics } = validateUnits(plan, withFieldNames(plan, rowsFromJson(json, 'd.json').rows), { file: 'd.json' });
  expect(diagnostics).toEqual([]);
  return evaluate(plan, table, { trace: true }).units;
}

describe('the rules table', () => {
  const t = rulesTable(compiled(SCHEME).model);

  it('as Markdown: a section is a bold row; a |, a backslash, a < or a [ in a label is escaped', () => {
    const md = rulesTableMarkdown(t);
    expect(md).toContain('| 考核项目 | 分值 | 考核内容及评分标准 |');
    expect(md).toContain(`| **一、\\</script>\\<img src=x onerror=alert(1)>\\|a\\\\b（10 分）** | | |`);
    // No tag, autolink, link or image: every < and [ is escaped.
    expect(md).not.toMatch(/(^|[^\\])[<[]/m);
    // Every row has exactly three cells: no unescaped | inside one.
    for (const line of md.split('\n').filter((l) => l.startsWith('|'))) expect(line.replace(/\\\|/g, '').split('|').length).toBe(5);
  });

  it('as HTML: a section spans the three columns; every label is text', () => {
    const html = rulesTableHtml(t);
    expect(html).toContain('<tr class="group depth-0"><th colspan="3">一、&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;|a\\b（10 分）</th></tr>');
    expect(html).not.toMatch(/<(script|img|b|i)[ >]/);
    expect(html).toContain('&lt;i&gt;否决&lt;/i&gt;');
  });

  it('as Word: a table whose section rows span three columns, the header repeated on each page, A4', async () => {
    const zip = await JSZip.loadAsync(await rulesTableDocx(t));
    const xml = await zip.file('word/document.xml')!.async('string');
    const headings = t.groups.filter((g) => g.heading !== undefined).length;
    expect(headings).toBe(3);
    expect(xml.match(/<w:gridSpan w:val="3"\/>/g)?.length).toBe(headings);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    // The cells' text, in order, escaped as XML.
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(text.slice(0, 2)).toEqual(['考核', '满分 10 分。']);
    expect(text).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(text).toContain('按“完成 | 数量”计分。');
    expect(xml).not.toContain('<script');
  });
});

describe('the report', () => {
  const plan = compiled(SCHEME).plan!;
  const units = results(plan, JSON.stringify({ units: [{ id: EVIL, n: 7, 违规: false }, { id: '<svg onload=alert(2)>', n: 2, 违规: false }, { id: '丙', n: 9, 违规: true }, { id: '丁', n: 4, 违规: false }] }));
  const html = resultsReport(plan, units, { lang: 'zh', date: '2026-12-01' });

  it('puts no markup of the data or the scheme into the page', () => {
    expect(html).not.toMatch(/<(script|img|b|i)[ >]/);
    expect(html).not.toContain('<svg onload');
    expect(html).toContain('&lt;svg onload=alert(2)&gt;');
    expect(html).toContain("Content-Security-Policy\" content=\"default-src 'none'");
  });

  it('gives the summary figures exactly: mean, median, highest, lowest, vetoed, grades', () => {
    const figures = Object.fromEntries([...html.matchAll(/<dt>([^<]*)<\/dt><dd>([^<]*)<\/dd>/g)].map((m) => [m[1], m[2]]));
    // Totals 7, 2, 9 (vetoed, still scored), 4: mean 5.5, median (4 + 7) / 2.
    expect(figures).toEqual({ 参评单位: '4', 平均分: '5.5', 中位数: '5.5', 最高分: '9', 最低分: '2', 一票否决: '1' });
    // A mean that does not terminate is shown to two places, marked.
    const thirds = resultsReport(plan, [units[0], units[1], units[3]], { lang: 'zh', date: '2026-12-01' });
    expect(thirds).toContain('<dt>平均分</dt><dd>≈ 4.33</dd>');
    // No groups, no table of them.
    expect(html).not.toContain('class="results groups"');
    expect(html).toContain('<li><span class="grade">不合格</span> 1</li><li><span class="grade">好</span> 1</li><li><span class="grade">差</span> 2</li>');
  });

  it('draws three charts as SVG and explains every unit in a <details>, in English with lang en', () => {
    const en = resultsReport(plan, units, { lang: 'en', date: '2026-12-01' });
    expect(en.match(/<figure class="chart \w+"><svg/g)?.length).toBe(3);
    expect(en.match(/<details>/g)?.length).toBe(4);
    expect(en).toContain('<h2>Ranking</h2>');
    expect(en).toContain('<html lang="en">');
  });
});

describe('a report of units placed within groups', () => {
  it('ranks them group by group, and each explanation says its group', () => {
    const dir = new URL('../../../examples/article5-harmony/', import.meta.url);
    const plan = compiled(readFileSync(new URL('scheme.assess', dir), 'utf8')).plan!;
    const html = resultsReport(plan, results(plan, readFileSync(new URL('data.json', dir), 'utf8')), { lang: 'zh', date: '2026-12-02' });
    const start = html.indexOf('<table class="results">');
    const ranking = html.slice(start, html.indexOf('</table>', start));
    const rows = [...ranking.matchAll(/<tr(?: class="vetoed")?><td>([^<]*)<\/td><td>([^<]*)<\/td>/g)].map((m) => [m[2], m[1]]);
    // Each group's units together, in the order the groups first come in the data, best place first.
    expect(rows.map((r) => r[0])).toEqual(['城市', '城市', '乡镇', '乡镇', '乡镇', '乡镇', '乡镇', '乡镇', '村庄', '村庄']);
    expect(rows.slice(2, 5).map((r) => r[1])).toEqual(['城关镇', '石桥镇', '白马镇']);
    expect(html).toContain('<summary>城市 · 第 1 名 · 东城区 · 79.8 分</summary>');
    expect(html.indexOf('<summary>乡镇 · 第 6 名 · 杨庄乡')).toBeLessThan(html.indexOf('<summary>村庄 · 第 1 名 · 桃园村'));
    // The summary has each group's figures too.
    const groups = html.slice(html.indexOf('<table class="results groups">'), html.indexOf('</table>', html.indexOf('<table class="results groups">')));
    const cells = [...groups.matchAll(/<tr><td>([^<]*)<\/td>((?:<td class="num">[^<]*<\/td>)+)<\/tr>/g)].map((m) => [m[1], ...[...m[2].matchAll(/<td class="num">([^<]*)<\/td>/g)].map((c) => c[1])]);
    expect(cells).toEqual([
      ['城市', '2', '67.4', '67.4', '79.8', '55'],
      ['乡镇', '6', '≈ 60.58', '63.2', '73.7', '43.5'],
      ['村庄', '2', '63.5', '63.5', '77', '50'],
    ]);
  });
});

describe('the charts', () => {
  it("put a label into a tooltip's HTML as text (the studio shows tooltips; a label is the scheme's)", () => {
    const plan = compiled(SCHEME).plan!;
    const chart = chartData(plan, ranked(results(plan, JSON.stringify([{ id: 'a', n: 3, 违规: false }]))), 'en');
    const option = itemsOption(chart, 'en');
    const tip = option.tooltip.formatter({ name: chart.items[0].label, value: [30, 0, 1, 3] });
    expect(chart.items[0].label).toBe('<script>x</script>');
    expect(tip).toBe('&lt;script&gt;x&lt;/script&gt;: 3 points × 1 units');
  });

  it("stack each unit's sections by what they add to the total (weighted sections too)", () => {
    const dir = new URL('../../../examples/article5-harmony/', import.meta.url);
    const plan = compiled(readFileSync(new URL('scheme.assess', dir), 'utf8')).plan!;
    const units = results(plan, readFileSync(new URL('data.json', dir), 'utf8'));
    const chart = chartData(plan, units, 'zh');
    expect(chart.totals.by).toBe('unit');
    expect(chart.totals.categories).toEqual(units.map((u) => u.id));
    units.forEach((u, i) => {
      const stacked = chart.totals.series.reduce((sum, s) => sum + s.values[i], 0);
      expect(stacked).toBeCloseTo(u.total!.toNumber(), 6);
    });
    expect(chart.items.length).toBe(plan.items.filter((it) => it.kind === 'item').length);
  });

  // A scheme whose totals are its one input, so that any list of totals can be given.
  const BANDS = (grades: boolean) => `scheme "bands" total 1000
input {
  x : number "x"
}
item "x" max 1000: x
${grades ? 'grade {\n  "A" if total >= 60\n  otherwise "B"\n}\n' : ''}`;
  const bandsOf = (grades: boolean, xs: readonly string[]) => {
    const plan = compiled(BANDS(grades)).plan!;
    return chartData(plan, ranked(results(plan, JSON.stringify(xs.map((x, i) => ({ id: `u${i}`, x: Number(x) }))))), 'en').totals;
  };
  /** A band's bounds from its label (`80–85`). */
  const bounds = (label: string) => label.split('–').map((b) => Decimal.parse(b)!);

  it(`count a large cohort's totals by band (over ${BARS_PER_UNIT} units): every unit in the one band holding its total, from its lower bound to below its upper`, () => {
    const decimal = fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 99 })).map(([i, f]) => `${i}.${String(f).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.array(decimal, { minLength: BARS_PER_UNIT + 1, maxLength: BARS_PER_UNIT + 40 }), fc.boolean(), (xs, grades) => {
        const totals = bandsOf(grades, xs);
        expect(totals.by).toBe('band');
        expect(totals.categories.length).toBeLessThanOrEqual(12);
        const counts = totals.categories.map((_, b) => totals.series.reduce((n, s) => n + s.values[b], 0));
        expect(counts.reduce((a, b) => a + b, 0)).toBe(xs.length);
        const expected = totals.categories.map((label) => {
          const [from, to] = bounds(label);
          return xs.filter((x) => Decimal.parse(x)!.gte(from) && Decimal.parse(x)!.lt(to)).length;
        });
        expect(counts).toEqual(expected);
        // The bands follow one another, the first holds the lowest total and the last the highest.
        totals.categories.slice(1).forEach((label, b) => expect(bounds(label)[0].eq(bounds(totals.categories[b])[1])).toBe(true));
        expect(counts[0]).toBeGreaterThan(0);
        expect(counts.at(-1)).toBeGreaterThan(0);
        // Stacked by grade where the scheme has grades; one series of units where it has none.
        expect(totals.series.map((s) => s.name)).toEqual(grades ? ['A', 'B'].filter((g) => xs.some((x) => (Number(x) >= 60) === (g === 'A'))) : ['units']);
      }),
      { numRuns: 40 },
    );
  });

  it('band totals exactly: a total on a bound is in the band it starts, and the bands are as narrow as 12 of them allow', () => {
    const xs = [...Array.from({ length: BARS_PER_UNIT }, (_, i) => String(60 + (i % 30))), '84.99', '85', '100'];
    const totals = bandsOf(true, xs);
    expect(totals.categories).toEqual(['60–65', '65–70', '70–75', '75–80', '80–85', '85–90', '90–95', '95–100', '100–105']);
    expect(totals.series).toEqual([{ name: 'A', values: [20, 20, 15, 15, 16, 16, 0, 0, 1] }]);
    expect(bandsOf(false, [...xs.slice(0, BARS_PER_UNIT), '0.5']).categories.slice(0, 2)).toEqual(['0–10', '10–20']);
    const tenths = bandsOf(false, Array.from({ length: BARS_PER_UNIT + 1 }, (_, i) => `7.${i % 10}`)).categories;
    expect([tenths.length, tenths[0], tenths.at(-1)]).toEqual([10, '7–7.1', '7.9–8']);
  });
});

