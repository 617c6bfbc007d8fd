// The lexer as the public API shows it: tokens typed as the syntax tree's, not Chevrotain's.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { tokenize as lex } from './lexer.js';
import type { SyntaxToken } from './tree.js';

/** Source text → tokens (comments kept aside), with a diagnostic per unknown character run. */
export function tokenize(source: string): { tokens: SyntaxToken[]; comments: SyntaxToken[]; diagnostics: Diagnostic[] } {
  return lex(source);
}
