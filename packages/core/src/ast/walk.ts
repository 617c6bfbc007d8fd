// Walking the AST. The AST is plain data, so its children are found generically: every
// property that holds a node (an object with a span) or a list of nodes.
import type * as A from './ast.js';

function isNode(v: unknown): v is A.Node {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as A.Node).span === 'object';
}

/** The direct child nodes of a node, in source order. */
export function children(node: A.Node): A.Node[] {
  const out: A.Node[] = [];
  for (const [k, v] of Object.entries(node)) {
    if (k === 'span') continue;
    if (Array.isArray(v)) {
      for (const x of v) {
        if (isNode(x)) out.push(x);
        // example units: { name, data, span }
        else if (x && typeof x === 'object') for (const y of Object.values(x)) if (isNode(y)) out.push(y);
      }
    } else if (isNode(v)) out.push(v);
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** The nodes that contain `offset` (end inclusive), outermost first. */
export function nodesAt(root: A.Node, offset: number): A.Node[] {
  const path: A.Node[] = [];
  let node: A.Node | undefined = root;
  while (node) {
    path.push(node);
    // The innermost child that contains the offset; on a tie the later one (a cursor just after `a` in `a+b`).
    node = children(node)
      .filter((c) => c.span.start <= offset && offset <= c.span.end && c.span.end > c.span.start)
      .sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start))[0];
  }
  return path;
}

/** Every node below (and including) a node, depth first. */
export function* descendants(node: A.Node): Generator<A.Node> {
  yield node;
  for (const c of children(node)) yield* descendants(c);
}

/** Every section, parents before the sections they hold, in source order. */
export function allSections(scheme: A.Scheme): A.Section[] {
  const out: A.Section[] = [];
  const visit = (s: A.Section) => {
    out.push(s);
    s.sections.forEach(visit);
  };
  scheme.sections.forEach(visit);
  return out;
}

/** The items of sections (at any depth), in source order, then the items outside any section. */
export function sectionedItems(scheme: A.Scheme): A.Item[] {
  const out: A.Item[] = [];
  const visit = (s: A.Section) => {
    const parts: (A.Item | A.Section)[] = [...s.items, ...s.sections].sort((a, b) => a.span.start - b.span.start);
    for (const p of parts) if (p.kind === 'Section') visit(p);
    else out.push(p);
  };
  scheme.sections.forEach(visit);
  return out;
}

/** Every item, bonus and penalty: items of sections, items outside sections, bonuses, penalties. */
export function allItems(scheme: A.Scheme): A.Item[] {
  return [...sectionedItems(scheme), ...scheme.items, ...scheme.bonuses, ...scheme.penalties];
}

/**
 * `f` on each direct sub-expression, in the order a trace lists what a rule reads: a typed
 * switch, much cheaper than `children` for the passes that walk every formula, and no list made.
 */
export function eachSubExpression(e: A.Expr, f: (c: A.Expr) => void): void {
  switch (e.kind) {
    case 'Binary':
      f(e.left);
      f(e.right);
      return;
    case 'Neg':
    case 'Not':
      f(e.operand);
      return;
    case 'Member':
    case 'ImportScore':
      f(e.object);
      return;
    case 'Call':
      for (const a of e.args) f(a);
      if (e.where) f(e.where);
      return;
    case 'Cohort':
      f(e.value);
      if (e.where) f(e.where);
      return;
    case 'If':
      f(e.cond);
      f(e.then);
      f(e.else);
      return;
    case 'CohortRank':
      f(e.by);
      return;
    case 'Bands':
      f(e.subject);
      for (const b of e.bands) {
        if (b.test.kind === 'Compare') f(b.test.value);
        f(b.points);
      }
      return;
    case 'Linear':
      f(e.subject);
      return;
  }
}

/** The direct sub-expressions of an expression, in the order a trace lists what a rule reads. */
export function subExpressions(e: A.Expr): A.Expr[] {
  const out: A.Expr[] = [];
  eachSubExpression(e, (c) => out.push(c));
  return out;
}
