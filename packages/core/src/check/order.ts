// The order scores are computed in: every item, bonus and penalty after the scores it reads
// (directly or through named values), every section after its parts, and the total after
// all of them. A score that reads itself, however roundabout, is reported (E0113); who is
// assessed and in which group (`eligible if`, `within`) is settled before any score (E0114).
import type * as A from '../ast/ast.js';
import { allItems, allSections, eachSubExpression } from '../ast/walk.js';
import { ruleKind } from '../rules/index.js';
import type { Text } from '../common/text.js';
import { diag, type Span } from '../diagnostics/diagnostic.js';
import type { Checker } from './checker.js';

type Node = A.Item | A.Section | 'total';
interface Edge {
  to: Node;
  /** Where the score is read (none for a section's parts, or the total's). */
  at?: Span;
}

export interface ScoreOrder {
  /** Every item, bonus, penalty and section, each after what it reads. */
  order: (A.Item | A.Section)[];
  /** Lets that read the total (directly or through lets). */
  readsTotal: Set<A.Let>;
}

export function scoreOrder(cx: Checker): ScoreOrder {
  const ast = cx.ast;
  const sections = allSections(ast);
  const items = allItems(ast);
  const sectionByLabel = new Map(sections.map((s) => [s.label.text, s]));
  const letReads = new Map<A.Let, Edge[]>();

  /** The scores expressions read directly, and the lets they name. */
  const direct = (roots: A.Expr[]): { edges: Edge[]; lets: { l: A.Let; at: Span }[] } => {
    const edges: Edge[] = [];
    const lets: { l: A.Let; at: Span }[] = [];
    // An explicit stack: a formula may be thousands of terms long.
    const todo: A.Expr[] = [...roots];
    const push = (c: A.Expr) => todo.push(c);
    while (todo.length) {
      const e = todo.pop()!;
      eachSubExpression(e, push);
      if (e.kind === 'TotalRef') edges.push({ to: 'total', at: e.span });
      else if (e.kind === 'ScoreRef') {
        if (e.target === 'section') {
          const s = e.label && sectionByLabel.get(e.label.text);
          if (s) edges.push({ to: s, at: e.span });
        } else if (e.target === 'bonus' && !e.label) for (const b of ast.bonuses) edges.push({ to: b, at: e.span });
        else {
          const it = e.label && cx.defs[e.target].get(e.label.text)?.item;
          if (it) edges.push({ to: it, at: e.span });
        }
      } else if (e.kind === 'Name') {
        const ref = cx.refs.get(e);
        if (ref?.k === 'let') lets.push({ l: ref.let, at: e.span });
      }
    }
    return { edges, lets };
  };
  /** Each score once, where it is first read. */
  const once = (edges: Edge[]): Edge[] => {
    const seen = new Set<Node>();
    return edges.filter((e) => !seen.has(e.to) && (seen.add(e.to), true));
  };
  /**
   * The scores a let reads, directly or through other lets (read through a let: at the name of
   * that let). Worked out for the lets it reads first, on a stack of its own: a chain of lets
   * may be thousands long. A let that reads itself, however roundabout, reads nothing more
   * through that path (the cycle is reported where names are resolved).
   */
  const letEdges = (root: A.Let): Edge[] => {
    const visiting = new Set<A.Let>();
    // A let's second visit carries what it reads directly, worked out at its first.
    const todo: { l: A.Let; d?: ReturnType<typeof direct> }[] = [{ l: root }];
    while (todo.length) {
      const t = todo.pop()!;
      if (letReads.has(t.l)) continue;
      if (!t.d) {
        const d = direct([t.l.value]);
        // Again once the lets it reads are done (those pushed after it, so done before it).
        visiting.add(t.l);
        todo.push({ l: t.l, d });
        for (const x of d.lets) if (!letReads.has(x.l) && !visiting.has(x.l)) todo.push({ l: x.l });
        continue;
      }
      const d = t.d;
      const through = d.lets.flatMap((x) => (letReads.get(x.l) ?? []).map((e) => ({ to: e.to, at: x.at })));
      letReads.set(t.l, once([...d.edges, ...through]));
      visiting.delete(t.l);
    }
    return letReads.get(root)!;
  };
  /** The scores expressions read, through lets. */
  const reads = (roots: A.Expr[]): Edge[] => {
    const d = direct(roots);
    return [...d.edges, ...d.lets.flatMap((x) => letEdges(x.l).map((e) => ({ to: e.to, at: x.at })))];
  };

  const edges = (n: Node): Edge[] => {
    if (n === 'total') return [...ast.sections, ...ast.items, ...ast.bonuses, ...ast.penalties].map((to) => ({ to }));
    if (n.kind === 'Section') return [...n.items, ...n.sections].map((to) => ({ to }));
    return reads([...n.voids, ...n.notApplicable, ...ruleKind(n.rule).reads(n.rule, cx.tiers.get(n.rule))]);
  };

  const order: (A.Item | A.Section)[] = [];
  const state = new Map<Node, 'visiting' | 'done'>();
  const stack: { node: Node; via?: Edge }[] = [];
  const reported = new Set<Node>();
  const visit = (n: Node, via?: Edge) => {
    const s = state.get(n);
    if (s === 'done') return;
    if (s === 'visiting') {
      const from = stack.findIndex((x) => x.node === n);
      const cycle = [...stack.slice(from), { node: n, via }];
      if (cycle.some((x) => reported.has(x.node))) return;
      for (const x of cycle) reported.add(x.node);
      // Point at the first place where a score is read by a formula (not a section holding its parts).
      const at = cycle.slice(1).find((x) => x.via?.at)?.via?.at ?? cycle[0].via?.at ?? { start: 0, end: 0 };
      const names = cycle.map((x) => nameOf(x.node));
      cx.report(diag('E0113', at, { first: names[0], cycle: { en: names.map((t) => t.en).join(' → '), zh: names.map((t) => t.zh).join(' → ') } }));
      return;
    }
    state.set(n, 'visiting');
    stack.push({ node: n, via });
    for (const e of edges(n)) visit(e.to, e);
    stack.pop();
    state.set(n, 'done');
    if (n !== 'total') order.push(n);
  };
  for (const n of [...items, ...sections]) visit(n);

  for (const [what, e] of [
    [{ en: '`eligible if`', zh: '`参评条件`' }, ast.eligible?.cond],
    [{ en: '`within`', zh: '`分组`' }, ast.within?.key],
  ] as const) {
    if (!e) continue;
    const first = reads([e])[0];
    if (first) cx.report(diag('E0114', first.at ?? e.span, { what, read: cx.text(e) }));
  }

  const readsTotal = new Set<A.Let>();
  for (const l of cx.allLets()) if (letEdges(l).some((x) => x.to === 'total')) readsTotal.add(l);
  return { order, readsTotal };
}

function nameOf(n: Node): Text {
  if (n === 'total') return { en: 'the total', zh: '总分' };
  const l = n.label.text;
  switch (n.kind) {
    case 'Section':
      return { en: `section "${l}"`, zh: `小节 "${l}"` };
    case 'Bonus':
      return { en: `bonus "${l}"`, zh: `加分 "${l}"` };
    case 'Penalty':
      return { en: `penalty "${l}"`, zh: `减分 "${l}"` };
    default:
      return { en: `item "${l}"`, zh: `指标 "${l}"` };
  }
}
