// Writes grammar/diagrams.html (railroad diagrams of the Assess grammar) and
// grammar/serialized-grammar.json from the built parser, and copies the page's scripts and
// stylesheet from chevrotain into grammar/vendor/ so the page needs no network.
// Run with `pnpm grammar` (which builds first). grammar/diagrams.test.ts fails when these
// files are out of date with the parser.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GRAMMAR_DIR, HTML_PATH, JSON_PATH, VENDOR_DIR, VENDOR_FILES, chevrotain, renderGrammar } from './diagrams-lib.mjs';

const { parser } = await import(pathToFileURL(join(GRAMMAR_DIR, '..', 'packages', 'core', 'dist', 'internal.js')).href);
const { createSyntaxDiagramsCode, diagramsDir } = await chevrotain();

const { html, json } = renderGrammar(parser, createSyntaxDiagramsCode);
writeFileSync(HTML_PATH, html);
writeFileSync(JSON_PATH, json);
for (const f of VENDOR_FILES) {
  mkdirSync(dirname(join(VENDOR_DIR, f)), { recursive: true });
  copyFileSync(join(diagramsDir, f), join(VENDOR_DIR, f));
}
console.log(`wrote ${HTML_PATH}, ${JSON_PATH} and ${VENDOR_FILES.length} files under ${VENDOR_DIR}`);
