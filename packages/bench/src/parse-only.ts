// The reference for `assess run`'s end-to-end time: the same file read by the same reader,
// with the same parser and options (the CLI's own read.ts), doing nothing with the rows; a
// .json document read whole and parsed by JSON.parse, as a program would read it.
//   node dist/parse-only.js csv FILE | jsonl FILE | json FILE
import { readFileSync } from 'node:fs';
import { csvRecords, textLines } from '@assess/cli/dist/read.js';

const [kind, file] = process.argv.slice(2);
let rows = 0;
if (kind === 'csv') await csvRecords(file, () => rows++);
else if (kind === 'json') rows = (JSON.parse(readFileSync(file, 'utf8')) as unknown[]).length;
else
  await textLines(file, (line) => {
    if (line.trim() === '') return;
    JSON.parse(line);
    rows++;
  });
process.stdout.write(`${rows}\n`);
