// @assess/compiler — a scheme's plan → a standalone ES module that scores rows exactly as the
// interpreter does, and its .d.ts. Generated from the plan only (never the AST), so the
// module, the interpreter and the explanations agree because they read the same thing.
//
// The module imports @assess/runtime (exact decimals, validation, cohort helpers: the same
// code the interpreter runs on) and nothing else. Its output is deterministic: the same plan
// gives the same text, byte for byte.
import { expectedText, PLAN_VERSION, type Plan as P } from '@assess/core';
import { SchemeGen } from './generate.js';
import { Lines, Module } from './lines.js';
import { declarations } from './dts.js';
import { expectedWords, problemWords } from './messages.js';
import { data, lit, quoted } from './text.js';

export { lit } from './text.js';

export interface CompileOptions {
  /** Where the module imports the runtime from (default `@assess/runtime`). */
  runtime?: string;
  /**
   * `module` (default): an ES module. `function`: the same code as the body of a function of
   * `runtime` (@assess/runtime's exports) returning `{ inputs, score, scoreTable }`, for a
   * program that scores with the runtime it already has (`assess run`).
   */
  form?: 'module' | 'function';
  /** The scheme file's name, for the header comment. */
  source?: string;
}

export interface CompiledModule {
  /** The ES module's source. */
  js: string;
  /** Its type declarations (`.d.ts`): the rows it takes, the results it gives. */
  dts: string;
}

/** What the generated code takes from @assess/runtime. */
const RUNTIME_NAMES = [
  'Decimal',
  'validateRows',
  'problemDiagnostic',
  'cohortNumber',
  'competitionRanks',
  'deduction',
  'groupUnits',
  'placeUnits',
  'gradeByPlace',
  'shown',
  'scoreShown',
  'entryOf',
  'UNSET',
  'column',
  'once',
  'Memo',
  'guarded',
  'failed',
  'sumApplicable',
  'NO_VETOES',
  'shownOrFailed',
  'keptEntries',
  'scoring',
  'rejected',
  'ops',
];
const OPS = ['num', 'num01', 'add', 'sub', 'mul', 'neg', 'round', 'cmp', 'holds', 'field', 'listAgg', 'minmax', 'linear', 'tierPoints', 'bestPer', 'bestPerInto', 'div', 'divBy', 'divPow10', 'diagnostic', 'Failure'];

/** What every scorer of a module shares: small helpers on the values results and traces show. */
const SHARED = [
  'const dec = (text) => Decimal.parse(text);',
  'const ZERO = Decimal.ZERO;',
  'const ONE = Decimal.ONE;',
  '/** A whole (a section, the total) none of whose parts applies to a unit. */',
  'const NA = Symbol("not applicable");',
  '/** The `not applicable if` of an item that has none. */',
  'const APPLIES = () => undefined;',
  '/** A call\'s state let go (see `loadCall`). */',
  'const NOTHING = [];',
  'const str = (d) => (d === null ? null : d.toString());',
  '/** A part of a section or of the total as a trace shows it: its score, failed (null), or not applicable. */',
  'const part = (d, na) => (na ? "n/a" : str(d));',
  '/** A whole\'s trace: the steps of its weighted parts, its own step, then how it was scaled; its score. */',
  'function wholeSteps(out, combine, u, own) {',
  '  const steps = [];',
  '  const r = combine(u, steps);',
  '  for (const s of steps) if (s.k === "weighted") out.push(s);',
  '  if (own) out.push(own);',
  '  for (const s of steps) if (s.k !== "weighted") out.push(s);',
  '  return r;',
  '}',
];

/** The plan of a scheme → its module and declarations. Throws on a plan node kind it does not know. */
export function compileModule(plan: P.Plan, options: CompileOptions = {}): CompiledModule {
  if (plan.version !== PLAN_VERSION) throw new Error(`assess compile: plan version ${plan.version}, this compiler reads version ${PLAN_VERSION}`);
  const mod = new Module();
  const scorers = new Lines();
  let count = 0;
  const scorer = (p: P.Plan): string => {
    const gen = new SchemeGen(p, mod, `scheme${count++}`, scorer);
    scorers.add(gen.generate()).line();
    return gen.name;
  };
  const main = scorer(plan);

  const out = new Lines();
  out.line(`// ${quoted(plan.name)}: compiled from ${options.source !== undefined ? quoted(options.source) : 'its plan'} by \`assess compile\` (plan version ${plan.version}).`);
  out.line('// Do not edit: change the scheme and compile it again. Every score is an exact decimal;');
  out.line('// `score(rows)` validates the rows and scores every unit as the Assess interpreter does.');
  const exported = options.form === 'function' ? '' : 'export ';
  if (options.form === 'function') out.line('"use strict";').line(`const { ${RUNTIME_NAMES.join(', ')} } = runtime;`);
  else out.line(`import { ${RUNTIME_NAMES.join(', ')} } from ${lit(options.runtime ?? '@assess/runtime')};`);
  out.line();
  out.line(`const { ${OPS.join(', ')} } = ops;`);
  out.lines(SHARED);
  out.line();
  out.line('// ── constants ──');
  out.add(mod.constantLines);
  out.line();
  out.line('// ── where a unit\'s number can fail, and the words for it ──');
  out.add(mod.siteLines);
  out.line();
  out.line('// ── what one unit\'s data holds ──');
  const spec = inputSpec(plan);
  out.open(`${exported}const inputs = {`);
  out.open('inputs: [');
  for (const f of spec.inputs) out.line(`${data(f)},`);
  out.close('],');
  out.line(`unitKinds: ${data(spec.unitKinds)},`);
  out.line(`gradeLabels: ${data(spec.gradeLabels)},`);
  out.close('};');
  const words = expectedWords(plan);
  out.line(`const EXPECTED_UNIT = ${data(words.unit)};`);
  out.line(`const EXPECTED_RECORD = ${data(words.record)};`);
  out.line(`const PROBLEM_WORDS = ${data(problemWords())};`);
  out.line('const expected = (t) => (t === "record" ? EXPECTED_RECORD : (t.text ?? EXPECTED_UNIT));');
  out.line();
  out.line('/** Validate the rows, then score every unit; with data errors, nothing is scored. */');
  out.open(`${exported}function score(rows, options = {}) {`);
  out.line('const { table, problems } = validateRows(inputs, rows);');
  out.line('const data = problems.map((p) => problemDiagnostic(p, PROBLEM_WORDS, expected, { start: 0, end: 0, file: options.file }));');
  out.line('if (data.some((d) => d.severity === "error")) return rejected(data);');
  out.line(`const result = ${main}(table, options);`);
  out.line('if (data.length > 0) result.diagnostics = [...data, ...result.diagnostics];');
  out.line('return result;');
  out.close();
  out.line();
  out.line('/** Score a table already validated (by @assess/runtime\'s TableBuilder or validateRows). */');
  out.open(`${exported}function scoreTable(table, options = {}) {`);
  out.line(`return ${main}(table, options);`);
  out.close();
  out.line();
  out.add(scorers);
  if (options.form === 'function') out.line('return { inputs, score, scoreTable };');
  return { js: out.text(), dts: declarations(plan, options.runtime ?? '@assess/runtime') };
}

/** The input block as the runtime's validator reads it, with what each field expects in words. */
function inputSpec(plan: P.Plan) {
  const field = (f: P.Field): unknown => ({
    name: f.name,
    optional: f.optional,
    type: { ...f.type, ...(f.type.k === 'list' ? { fields: f.type.fields.map(field) } : {}), text: expectedText(f.type, plan.gradeLabels) },
  });
  return { inputs: plan.inputs.map(field), unitKinds: plan.unitKinds, gradeLabels: plan.gradeLabels };
}
