// The files the extension contributes that are generated: the TextMate grammar (from the
// keyword table) and the snippets (from the language service's table), by path under dist/.
import { textMateGrammar } from './grammar.js';
import { snippetFile } from './snippets.js';

export function generatedFiles(): Record<string, string> {
  return {
    'syntaxes/assess.tmLanguage.json': JSON.stringify(textMateGrammar(), null, 2) + '\n',
    'snippets/assess.json': JSON.stringify(snippetFile(), null, 2) + '\n',
  };
}
