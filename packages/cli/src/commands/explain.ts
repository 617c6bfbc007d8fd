// `assess explain FILE --data DATA --unit ID`: how each of one unit's numbers came about.
import { explainUnit, printable } from '@assess/core';
import { parseArgs, UsageError } from '../args.js';
import { scoreData } from '../data.js';
import { chooseLang, DATA_FLAGS, EXIT, type Command } from '../io.js';
import { schemeOrReport } from '../scheme.js';

export const explain: Command = async (argv, io) => {
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
  const ev = await scoreData(c, args.values.data, io, lang, args, (u) => u === wanted);
  if (!ev) return EXIT.userError;
  wanted = ev.ids.indexOf(id);
  if (wanted < 0) {
    const near = ev.ids.filter((x) => x.includes(id) || id.includes(x)).slice(0, 5);
    const message =
      lang === 'zh'
        ? `错误：数据中没有单位 \`${id}\`${near.length ? `；是不是 ${near.map((x) => `\`${x}\``).join('、')}？` : ''}`
        : `error: no unit \`${id}\` in the data${near.length ? `; did you mean ${near.map((x) => `\`${x}\``).join(', ')}?` : ''}`;
    io.stderr.write(printable(message) + '\n');
    return EXIT.userError;
  }
  const r = ev.unit(wanted);
  // (Labels and values as a terminal may print them: no escape sequences.)
  io.stdout.write(printable(explainUnit(r, lang)));
  return r.errors.length > 0 ? EXIT.userError : EXIT.ok;
};
