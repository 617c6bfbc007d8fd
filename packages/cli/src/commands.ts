// The commands that score data and run examples: run, explain, test.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import {
  evaluate,
  rowsFromCsv,
  rowsFromJson,
  runExamples,
  validateUnits,
  displayWidth,
  Decimal,
  type Compiled,
  type Diagnostic,
  type Evaluation,
  type Lang,
  type UnitResult,
} from '@assess/core';
import { parseArgs, UsageError, type Args } from './args.js';
import { cannotRead, chooseLang, EXIT, formatFlag, loadScheme, registerCommand, report, type Io } from './main.js';

const DATA_FLAGS = { values: ['lang', 'format', 'data', 'unit'], switches: ['no-color'] };

/** Compile a scheme, printing its diagnostics; undefined (after printing) when it has errors. */
function schemeOrReport(file: string, io: Io, lang: Lang, args: Args): Compiled | undefined {
  const c = loadScheme(file);
  if (!c) {
    cannotRead(io, lang, file);
    return undefined;
  }
  if (!c.ok) {
    report(io, c.diagnostics, c.sources, file, lang, args);
    return undefined;
  }
  return c;
}

/** Read, validate and evaluate the data file; undefined (after printing every error) when it is wrong. */
function scoreData(c: Compiled, dataFile: string, io: Io, lang: Lang, args: Args, trace?: (u: number) => boolean, tolerateEvalErrors = false): Evaluation | undefined {
  const ext = extname(dataFile).toLowerCase();
  if (ext !== '.json' && ext !== '.csv') throw new UsageError(`--data must be a .json or .csv file, not ${dataFile}`);
  let text: string;
  try {
    text = readFileSync(dataFile, 'utf8');
  } catch {
    cannotRead(io, lang, dataFile, 'data');
    return undefined;
  }
  const sources = new Map(c.sources);
  sources.set(dataFile, text);
  const read = ext === '.json' ? rowsFromJson(text, dataFile) : rowsFromCsv(text, dataFile, c.scheme);
  const { table, diagnostics } = validateUnits(c.scheme, read.rows, { file: dataFile, rowSpan: read.rowSpan });
  const problems = [...read.diagnostics, ...diagnostics];
  report(io, problems, sources, dataFile, lang, args);
  if (problems.some((d) => d.severity === 'error')) return undefined;
  const ev = evaluate(c.scheme, table, { trace });
  if (ev.diagnostics.length > 0) {
    report(io, ev.diagnostics, sources, dataFile, lang, args);
    // `explain` still explains: the failure shows in the unit's steps.
    if (!tolerateEvalErrors) return undefined;
  }
  return ev;
}

const show = (d: Decimal | null) => (d === null ? '—' : d.toString());

/** One unit's result as plain JSON (scores as exact decimal strings). */
export function unitJson(r: UnitResult) {
  const scores = (xs: { label: string; score: Decimal | null }[]) => Object.fromEntries(xs.map((x) => [x.label, x.score === null ? null : x.score.toString()]));
  return {
    id: r.id,
    ...(r.kind ? { kind: r.kind } : {}),
    total: r.total === null ? null : r.total.toString(),
    grade: r.grade,
    vetoed: r.vetoed,
    vetoes: r.vetoes,
    sections: scores(r.sections),
    items: scores(r.items),
    bonus: r.bonus.toString(),
    bonuses: scores(r.bonuses),
  };
}

function pad(s: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

/** A plain-text table, aligned for CJK text. */
export function table(header: string[], rows: string[][], numeric: boolean[]): string {
  const widths = header.map((h, j) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[j] ?? ''))));
  const line = (cells: string[]) => cells.map((c, j) => pad(c, widths[j], numeric[j])).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}

function csvCell(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

registerCommand('run', async (argv, io) => {
  const args = parseArgs(argv, DATA_FLAGS);
  const lang = chooseLang(args, io.env);
  const format = formatFlag(args, ['table', 'json', 'csv']);
  const [file, ...extra] = args.positional;
  if (!file || extra.length) throw new UsageError('assess run needs one scheme FILE');
  if (!args.values.data) throw new UsageError('assess run needs --data FILE.json|FILE.csv');
  const c = schemeOrReport(file, io, lang, args);
  if (!c) return EXIT.userError;
  const ev = scoreData(c, args.values.data, io, lang, args);
  if (!ev) return EXIT.userError;
  const ast = c.scheme.ast;
  const units = ev.units;
  if (format === 'json') {
    io.stdout.write(JSON.stringify({ scheme: ast.name?.text ?? '', total: ast.total?.value ?? null, units: units.map(unitJson) }, null, 2) + '\n');
    return EXIT.ok;
  }
  const words = lang === 'zh' ? { unit: '单位', bonus: '加分', total: '总分', grade: '等级', veto: '否决' } : { unit: 'unit', bonus: 'bonus', total: 'total', grade: 'grade', veto: 'veto' };
  const sectionLabels = ast.sections.map((s) => s.label.text);
  const topItems = ast.items.map((i) => i.label.text);
  const hasBonus = ast.bonuses.length > 0;
  if (format === 'csv') {
    const itemLabels = units[0]?.items.map((i) => i.label) ?? [];
    const header = ['id', ...itemLabels, ...sectionLabels, ...(hasBonus ? ['bonus'] : []), 'total', 'grade', 'vetoes'];
    const rows = units.map((r) => [r.id, ...r.items.map((i) => show(i.score)), ...r.sections.map((s) => show(s.score)), ...(hasBonus ? [r.bonus.toString()] : []), show(r.total), r.grade ?? '', r.vetoes.join('; ')]);
    io.stdout.write([header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n');
    return EXIT.ok;
  }
  const header = [words.unit, ...sectionLabels, ...topItems, ...(hasBonus ? [words.bonus] : []), words.total, words.grade, words.veto];
  const rows = units.map((r) => [
    r.id,
    ...r.sections.map((s) => show(s.score)),
    ...r.items.filter((i) => i.section === undefined).map((i) => show(i.score)),
    ...(hasBonus ? [r.bonus.toString()] : []),
    show(r.total),
    r.grade ?? '',
    r.vetoes.join('；'),
  ]);
  const numeric = header.map((_, j) => j > 0 && j < header.length - 2);
  io.stdout.write(`${ast.name?.text ?? file}\n\n` + table(header, rows, numeric));
  return EXIT.ok;
});

registerCommand('explain', async (argv, io) => {
  const args = parseArgs(argv, DATA_FLAGS);
  const lang = chooseLang(args, io.env);
  const [file, ...extra] = args.positional;
  if (!file || extra.length) throw new UsageError('assess explain needs one scheme FILE');
  if (!args.values.data) throw new UsageError('assess explain needs --data FILE');
  const id = args.values.unit;
  if (id === undefined) throw new UsageError('assess explain needs --unit ID');
  const c = schemeOrReport(file, io, lang, args);
  if (!c) return EXIT.userError;
  let wanted = -1;
  const ev = scoreData(c, args.values.data, io, lang, args, (u) => u === wanted, true);
  if (!ev) return EXIT.userError;
  wanted = ev.ids.indexOf(id);
  if (wanted < 0) {
    const near = ev.ids.filter((x) => x.includes(id) || id.includes(x)).slice(0, 5);
    io.stderr.write(lang === 'zh' ? `错误：数据中没有单位 \`${id}\`${near.length ? `；是不是 ${near.map((x) => `\`${x}\``).join('、')}？` : ''}\n` : `error: no unit \`${id}\` in the data${near.length ? `; did you mean ${near.map((x) => `\`${x}\``).join(', ')}?` : ''}\n`);
    return EXIT.userError;
  }
  const r = ev.unit(wanted);
  io.stdout.write(explainUnit(c, r, lang));
  return r.errors.length > 0 ? EXIT.userError : EXIT.ok;
});

/** One unit's trace as text a non-programmer can follow. */
export function explainUnit(c: Compiled, r: UnitResult, lang: Lang): string {
  const zh = lang === 'zh';
  const out: string[] = [];
  const head = zh ? `${r.id}：总分 ${show(r.total)}` : `${r.id}: total ${show(r.total)}`;
  out.push(`${head}${r.grade ? (zh ? `，等级 "${r.grade}"` : `, grade "${r.grade}"`) : ''}${r.vetoed ? (zh ? `（一票否决：${r.vetoes.join('；')}）` : ` (vetoed: ${r.vetoes.join('; ')})`) : ''}`);
  out.push('');
  const item = (i: UnitResult['items'][number], indent: string) => {
    out.push(`${indent}${zh ? '指标' : 'item'} "${i.label}"  ${show(i.score)} / ${i.max}`);
    if (!i.trace) return;
    out.push(`${indent}  ${zh ? '规则' : 'rule'}: ${i.trace.rule.replace(/\s*\n\s*/g, ' ')}`);
    for (const inp of i.trace.inputs) out.push(`${indent}  ${zh ? '数据' : 'input'}: ${inp.name}${inp.label ? ` (${inp.label})` : ''} = ${zh ? zhValue(inp.value) : inp.value}`);
    for (const s of i.trace.steps) out.push(`${indent}  · ${s[lang]}`);
  };
  for (const s of r.sections) {
    const weight = s.weight ? `${s.weight.mul(Decimal.HUNDRED).toString()}%` : '';
    out.push(`${zh ? '小节' : 'section'} "${s.label}"  ${show(s.score)} / ${s.max}${weight ? (zh ? `（权重 ${weight}）` : ` (weight ${weight})`) : ''}`);
    for (const i of r.items.filter((x) => x.section === s.label)) item(i, '  ');
    out.push('');
  }
  for (const i of r.items.filter((x) => x.section === undefined)) {
    item(i, '');
    out.push('');
  }
  for (const b of r.bonuses) {
    out.push(`${zh ? '加分' : 'bonus'} "${b.label}"  ${show(b.score)}`);
    if (b.trace) {
      out.push(`  ${zh ? '规则' : 'rule'}: ${b.trace.rule.replace(/\s*\n\s*/g, ' ')}`);
      for (const s of b.trace.steps) out.push(`  · ${s[lang]}`);
    }
    out.push('');
  }
  for (const s of r.steps ?? []) out.push(s[lang]);
  return out.join('\n') + '\n';
}

function zhValue(v: string): string {
  return v === 'yes' ? '是' : v === 'no' ? '否' : v === 'not submitted' ? '未填报' : v;
}

registerCommand('test', async (argv, io) => {
  const args = parseArgs(argv, { values: ['lang'], switches: ['no-color'] });
  const lang = chooseLang(args, io.env);
  if (args.positional.length === 0) throw new UsageError('assess test needs at least one FILE');
  let passed = 0;
  let failed = 0;
  for (const file of args.positional) {
    const c = schemeOrReport(file, io, lang, args);
    if (!c) {
      failed++;
      continue;
    }
    const outcomes = runExamples(c.scheme);
    const failures: Diagnostic[] = [];
    for (const o of outcomes) {
      if (o.passed) passed++;
      else failed++;
      io.stdout.write(`${o.passed ? '✓' : '✗'} ${file} › ${o.label}${o.passed ? ` (${o.checked})` : ''}\n`);
      failures.push(...o.failures);
    }
    if (outcomes.length === 0) io.stdout.write(lang === 'zh' ? `- ${file}：没有示例\n` : `- ${file}: no examples\n`);
    if (failures.length) {
      io.stdout.write('\n');
      report(io, failures, c.sources, file, lang, args);
    }
  }
  io.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  return failed > 0 ? EXIT.userError : EXIT.ok;
});

registerCommand('fmt', async (argv, io) => {
  const args = parseArgs(argv, { values: ['lang'], switches: ['check', 'no-color'] });
  const lang = chooseLang(args, io.env);
  if (args.positional.length === 0) throw new UsageError('assess fmt needs at least one FILE');
  const { formatFile } = await import('./fmt.js');
  const check = args.switches.has('check');
  let failed = false;
  const changed: string[] = [];
  for (const file of args.positional) {
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      cannotRead(io, lang, file);
      failed = true;
      continue;
    }
    const r = await formatFile(source, file);
    if (!r.ok) {
      // Refused whole: a file with syntax errors is never partly rewritten.
      report(io, r.diagnostics, new Map([[file, source]]), file, lang, args);
      failed = true;
      continue;
    }
    if (r.formatted === source) continue;
    changed.push(file);
    if (!check) writeAtomically(file, r.formatted);
  }
  if (check) {
    for (const f of changed) io.stdout.write(`${f}\n`);
    if (changed.length) io.stderr.write(lang === 'zh' ? `${changed.length} 个文件需要格式化（运行 assess fmt）\n` : `${changed.length} file${changed.length === 1 ? '' : 's'} would be reformatted (run assess fmt)\n`);
    return failed || changed.length > 0 ? EXIT.userError : EXIT.ok;
  }
  io.stdout.write(lang === 'zh' ? `已格式化 ${changed.length} 个文件\n` : `formatted ${changed.length} file${changed.length === 1 ? '' : 's'}\n`);
  return failed ? EXIT.userError : EXIT.ok;
});

/** Write through a temporary file and a rename, so that a file is never left half-written. */
function writeAtomically(file: string, text: string) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}
