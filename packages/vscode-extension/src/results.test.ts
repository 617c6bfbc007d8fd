import { describe, expect, it } from 'vitest';
import { resultsHtml } from './results.js';

describe('the results page', () => {
  it('escapes every label and value, and allows no script', () => {
    const html = resultsHtml({ ok: true, scheme: '<script>alert(1)</script>', table: { header: ['单位', '"x" & <b>'], rows: [['甲镇', '1<2']], numeric: [false, true] }, warnings: '' }, 'a.assess');
    expect(html).not.toMatch(/<script|<b>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<td class="n">1&lt;2</td>');
    expect(html).toContain("default-src 'none'");
  });

  it('shows the problems when the scheme or the data is wrong', () => {
    expect(resultsHtml({ ok: false, problems: 'error[E0501]: <bad>' }, 'a.assess')).toContain('<pre>error[E0501]: &lt;bad&gt;</pre>');
  });
});
