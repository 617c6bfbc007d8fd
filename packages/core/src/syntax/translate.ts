// Keyword translation: rewrite every keyword of a scheme in the other language.
//
// Only keyword tokens change; names, labels, numbers, comments, punctuation and layout are
// copied byte for byte. The new spelling is each keyword's canonical one (the first in
// `KEYWORDS`). Because the parser only sees token types, the translated file has the same AST.
import type { IToken } from 'chevrotain';
import { spelling } from './keywords.js';
import { Keyword, tokenize } from './lexer.js';

/** Characters that glue to a neighbouring name or keyword (as `ID_PART` in lexer.ts). */
const GLUES = /[A-Za-z0-9_\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

function isKeyword(t: IToken): boolean {
  return t.tokenType.CATEGORIES?.includes(Keyword) ?? false;
}

/**
 * `source` with each keyword spelled in `to` (English or Chinese). A space is added only
 * where the new spelling would otherwise run into its neighbour (`5若` → `5 if`). In the rare
 * case where a translated keyword and the next words would read as one multi-word keyword
 * (a name `zero` after `若` would give `if zero`), the spaces between them become a line break.
 */
export function translateKeywords(source: string, to: 'en' | 'zh'): string {
  const { tokens } = tokenize(source);
  let out = '';
  let pos = 0;
  for (const t of tokens) {
    if (!isKeyword(t)) continue;
    const spelled = spelling(t.tokenType.name, to);
    if (spelled === undefined) continue;
    const end = (t.endOffset ?? t.startOffset) + 1;
    out += source.slice(pos, t.startOffset);
    const before = out.length > 0 && GLUES.test(out[out.length - 1]) && GLUES.test(spelled[0]) ? ' ' : '';
    const after = end < source.length && GLUES.test(source[end]) && GLUES.test(spelled[spelled.length - 1]) ? ' ' : '';
    out += before + spelled + after;
    pos = end;
  }
  out += source.slice(pos);
  return keepTokensApart(out, tokens.map((t) => t.tokenType.name));
}

/** Break multi-word keywords that translation formed by accident (`if` + `zero` → `if zero`). */
function keepTokensApart(text: string, expected: string[]): string {
  let out = text;
  for (let guard = 0; guard < expected.length + 1; guard++) {
    const got = tokenize(out).tokens;
    const k = got.findIndex((t, i) => t.tokenType.name !== expected[i]);
    if (k < 0) return out;
    const t = got[k];
    const gap = t && /[ \t]+/.exec(t.image);
    if (!gap) return out;
    const at = t.startOffset + gap.index;
    out = out.slice(0, at) + '\n' + out.slice(at + gap[0].length);
  }
  return out;
}
