// `assess test FILE...`: run the example blocks of schemes.
import { printable, runExamples, type Diagnostic } from '@assess/core';
import { parseArgs, UsageError } from '../args.js';
import { chooseLang, EXIT, type Command } from '../io.js';
import { report, schemeOrReport } from '../scheme.js';

export const test: Command = async (argv, io) => {
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
    const outcomes = runExamples(c.plan);
    const failures: Diagnostic[] = [];
    for (const o of outcomes) {
      if (o.passed) passed++;
      else failed++;
      io.stdout.write(`${o.passed ? '✓' : '✗'} ${file} › ${printable(o.label)}${o.passed ? ` (${o.checked})` : ''}\n`);
      failures.push(...o.failures);
    }
    if (outcomes.length === 0) io.stdout.write(lang === 'zh' ? `- ${file}：没有示例\n` : `- ${file}: no examples\n`);
    if (failures.length) {
      io.stdout.write('\n');
      report(io, failures, c.sources, file, lang, args);
    }
  }
  io.stdout.write(lang === 'zh' ? `\n通过 ${passed} 个，失败 ${failed} 个\n` : `\n${passed} passed, ${failed} failed\n`);
  return failed > 0 ? EXIT.userError : EXIT.ok;
};
