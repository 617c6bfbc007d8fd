// The words of a compiled module's diagnostics come from the catalog of @assess/core, as
// templates: each message is rendered at compile time with markers where a value known only
// at run time goes (a unit's id, a field's path), and split there. So a compiled module says
// exactly what the interpreter says, and the catalog stays the one place words are written.
import { CATALOG, expectedText, type Code, type Plan, type Text } from '@assess/core';
import type { FailureSite, ProblemWords, Template } from '@assess/runtime';

type Entry = { severity: 'error' | 'warning'; en(a: unknown): string; zh(a: unknown): string; hint?(a: unknown): Text | undefined };

/**
 * A site's words for `code`. `args(hole)` gives the catalog arguments, with `hole(k)` where
 * the k-th run-time value goes; the markers are chosen so that no compile-time text
 * (an expression or a label as written) contains them.
 */
export function words(code: Code, span: FailureSite['span'], args: (hole: (k: number) => string) => unknown): FailureSite & { severity: 'error' | 'warning' } {
  const entry = CATALOG[code] as unknown as Entry;
  const render = (mark: string) => {
    const a = args((k) => `${mark}${k}${mark}`);
    return { en: entry.en(a), zh: entry.zh(a), hint: entry.hint?.(a) };
  };
  let mark = '\uE000';
  for (;;) {
    const plain = render('');
    if (![plain.en, plain.zh, plain.hint?.en ?? '', plain.hint?.zh ?? ''].some((s) => s.includes(mark))) break;
    mark += '\uE000';
  }
  const marked = render(mark);
  const split = (s: string): Template => {
    const out: Template = [];
    const re = new RegExp(`${mark}(\\d+)${mark}`, 'g');
    let at = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      if (m.index > at) out.push(s.slice(at, m.index));
      out.push(Number(m[1]));
      at = m.index + m[0].length;
    }
    if (at < s.length) out.push(s.slice(at));
    return out;
  };
  const site: FailureSite & { severity: 'error' | 'warning' } = { code, severity: entry.severity, span, en: split(marked.en), zh: split(marked.zh) };
  if (marked.hint) site.hint = { en: split(marked.hint.en), zh: split(marked.hint.zh) };
  return site;
}

/** The words of every data problem (holes in the order runtime's `problemDiagnostic` fills them). */
export function problemWords(): ProblemWords {
  const at = { start: 0, end: 0 };
  const both = (s: string) => ({ en: s, zh: s });
  return {
    E0501: words('E0501', at, (h) => ({ unit: h(0), field: h(1), expected: both(h(2)), found: both(h(3)) })),
    E0502: words('E0502', at, (h) => ({ unit: h(0), field: h(1), expected: both(h(2)) })),
    E0503: words('E0503', at, (h) => ({ id: h(0), first: h(1), row: h(2) })),
    E0504: words('E0504', at, (h) => ({ row: h(0) })),
    E0505: words('E0505', at, (h) => ({ k: 'notRecord', row: h(0) })),
    E0507: words('E0507', at, (h) => ({ count: h(0), limit: h(1) })),
    W0501: words('W0501', at, (h) => ({ field: h(0), unit: h(1) })),
    W0502: words('W0502', at, (h) => ({ field: h(0), unit: h(1), found: h(2), asPercent: h(3) })),
  };
}

/** What each kind of field expects, in words: the catalog's, keyed as the module looks them up. */
export function expectedWords(plan: Plan.Plan): { unit: Text; record: Text } {
  return { unit: expectedText({ k: 'enum', members: plan.unitKinds }, plan.gradeLabels), record: expectedText('record', plan.gradeLabels) };
}
