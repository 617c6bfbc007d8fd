// The front end on a generated scheme, in a fresh process:
//   node --expose-gc dist/frontend-child.js <lines>
// Prints one line of JSON (a FrontendReport) on stdout. Fails unless the generated scheme
// compiles with zero errors.
import { compile, parse } from '@assess/core';
import { check, lower, parseTokens, tokenize } from '@assess/core/internal';
import { generateScheme } from './gen-scheme.js';
import { timeRuns, type RunPlan } from './stats.js';

export interface FrontendReport {
  lines: number;
  chars: number;
  sections: number;
  items: number;
  inputs: number;
  errors: number;
  warnings: number;
  plan: RunPlan;
  /** Wall-clock and CPU ms of each timed run. */
  tokenize: { wall: number[]; cpu: number[] };
  cst: { wall: number[]; cpu: number[] };
  parse: { wall: number[]; cpu: number[] };
  /** `check` alone, on the AST of one parse. */
  check: { wall: number[]; cpu: number[] };
  /** `lower` alone: checked scheme → plan. */
  lower: { wall: number[]; cpu: number[] };
  /** `compile`: parse + check (+ sorting the diagnostics); the plan is made when first asked for. */
  compile: { wall: number[]; cpu: number[] };
}

function main(): void {
  const lines = Number(process.argv[2] ?? 5000);
  const g = generateScheme(lines);
  const first = compile('generated.assess', g.source);
  const errors = first.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length || !first.ok) {
    const shown = errors.slice(0, 5).map((d) => `${d.code} ${d.message.en} at ${d.span.start}: ${JSON.stringify(g.source.slice(d.span.start, d.span.end))}`);
    throw new Error(`the generated scheme has ${errors.length} errors:\n  ${shown.join('\n  ')}`);
  }
  const plan: RunPlan = { warmup: 1, runs: 5, budgetMs: 15_000 };
  const small: RunPlan = { warmup: 2, runs: 5 };
  const tk = timeRuns(small, () => tokenize(g.source));
  const tokens = tk.last;
  const cst = timeRuns(small, () => parseTokens(g.source, tokens));
  const p = timeRuns(plan, () => parse(g.source, 'generated.assess'));
  if (p.last.diagnostics.length) throw new Error('parse reported diagnostics');
  const ast = p.last.ast;
  const ck = timeRuns(small, () => check(ast, { file: 'generated.assess', source: g.source }));
  if (ck.last.diagnostics.some((d) => d.severity === 'error')) throw new Error('check reported errors');
  const lw = timeRuns(small, () => lower(ck.last.scheme));
  const c = timeRuns(plan, () => compile('generated.assess', g.source));
  if (!c.last.ok) throw new Error('compile failed');
  const report: FrontendReport = {
    lines: g.lines,
    chars: g.source.length,
    sections: g.sections,
    items: g.items,
    inputs: g.inputs,
    errors: errors.length,
    warnings: first.diagnostics.length - errors.length,
    plan,
    tokenize: { wall: tk.times, cpu: tk.cpu },
    cst: { wall: cst.times, cpu: cst.cpu },
    parse: { wall: p.times, cpu: p.cpu },
    check: { wall: ck.times, cpu: ck.cpu },
    lower: { wall: lw.times, cpu: lw.cpu },
    compile: { wall: c.times, cpu: c.cpu },
  };
  process.stdout.write(JSON.stringify(report) + '\n');
}

main();
