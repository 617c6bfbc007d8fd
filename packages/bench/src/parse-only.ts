// The reference for `assess run`'s end-to-end time: the same file read by the same reader,
// with the same parser and options (the CLI's own read.ts), doing nothing with the rows.
//   node dist/parse-only.js csv FILE | jsonl FILE
import { csvRecords, textLines } from '@assess/cli/dist/read.js';

const [kind, file] = process.argv.slice(2);
let rows = 0;
if (kind === 'csv') await csvRecords(file, () => rows++);
else
  await textLines(file, (line) => {
    if (line.trim() === '') return;
    JSON.parse(line);
    rows++;
  });
process.stdout.write(`${rows}\n`);
