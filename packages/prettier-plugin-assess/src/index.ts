// prettier-plugin-assess: formats Assess (.assess) schemes with stock Prettier 3.
//
//   prettier --plugin prettier-plugin-assess --write scheme.assess
//
// The parser is the core parser (@assess/core); the printer works on its syntax tree, so
// keywords, labels and numbers are printed exactly as written. The layout: docs/formatting.md.
import type { Parser, Printer, SupportLanguage, Plugin } from 'prettier';
import { parseAssess, type AssessRoot } from './parser.js';
import { printRoot } from './printer.js';

export { AssessSyntaxError, syntaxErrors } from './parser.js';

export const languages: SupportLanguage[] = [
  {
    name: 'Assess',
    parsers: ['assess'],
    extensions: ['.assess'],
    vscodeLanguageIds: ['assess'],
  },
];

export const parsers: Record<string, Parser<AssessRoot>> = {
  assess: {
    parse: (text, options) => parseAssess(text, { filepath: (options as { filepath?: string } | undefined)?.filepath }),
    astFormat: 'assess-cst',
    locStart: (node) => node.start,
    locEnd: (node) => node.end,
  },
};

export const printers: Record<string, Printer<AssessRoot>> = {
  'assess-cst': {
    print: (path, options) => printRoot(path.node, { printWidth: options.printWidth, tabWidth: options.tabWidth }),
    // The root holds the whole syntax tree; Prettier has nothing to visit in it.
    getVisitorKeys: () => [],
  },
};

/** The canonical layout: 80 columns, 2-space indentation (a user's Prettier config may override). */
export const defaultOptions = { printWidth: 80, tabWidth: 2 };

const plugin: Plugin<AssessRoot> = { languages, parsers, printers, defaultOptions };
export default plugin;
