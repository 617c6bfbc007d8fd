#!/usr/bin/env node
import { main } from '../dist/main.js';
// A reader that stops reading early (`assess run … | head`) is no error: stop quietly.
process.stdout.on('error', (e) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});
process.exitCode = await main(process.argv.slice(2), process);
