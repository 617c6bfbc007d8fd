// The syntax tree: every token of the file, in the grammar's rules, typed for the passes and
// tools that read it (the AST builder, the formatter, editors). It has the shape of a
// Chevrotain concrete syntax tree, so no conversion is made, but nothing outside this folder
// depends on Chevrotain.
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** The grammar's rules: the names a syntax node can have. A test keeps this list equal to the parser's. */
export const RULE_NAMES = [
  'scheme', 'header', 'declaration', 'useDecl', 'unitDecl', 'unitKind', 'inputBlock', 'fieldList', 'field', 'type', 'range',
  'signedNumber', 'letDecl', 'section', 'item', 'bonus', 'itemBody', 'blockLine', 'rule', 'ruleHead', 'clause', 'tierEntry',
  'modifier', 'direction', 'veto', 'gradeBlock', 'gradeLine', 'adjust', 'example', 'record', 'value', 'expectation',
  'expectedValue', 'expression', 'andExpr', 'notExpr', 'comparison', 'additive', 'multiplicative', 'unary', 'coalesce',
  'postfix', 'primary', 'call', 'cohortAggregate', 'acrossAggregate', 'cohortRank', 'bands', 'band', 'linear', 'point',
  'scoreRef', 'eligibleDecl', 'withinDecl', 'placeDecl', 'placeRule',
] as const;
export type RuleName = (typeof RULE_NAMES)[number];

/** A token: its text, where it starts and ends (inclusive), and its kind (a keyword's or punctuation's name). */
export interface SyntaxToken {
  image: string;
  startOffset: number;
  /** Offset of the last character (inclusive). */
  endOffset?: number;
  tokenType: { name: string };
  /** Made up by error recovery: not in the text. */
  isInsertedInRecovery?: boolean;
}

export interface SyntaxNode {
  name: RuleName;
  /** Child tokens and nodes by name (a token kind or a rule name), each list in source order. */
  children: Record<string, SyntaxElement[] | undefined>;
  location?: { startOffset: number; endOffset?: number };
  /** Error recovery filled in part of this node. */
  recoveredNode?: boolean;
}

export type SyntaxElement = SyntaxNode | SyntaxToken;

export interface SyntaxTree {
  root: SyntaxNode;
  tokens: SyntaxToken[];
  /** Comments, kept out of the tree; the formatter puts them back by offset. */
  comments: SyntaxToken[];
  diagnostics: Diagnostic[];
}

/** Limits that keep a hostile file from exhausting the stack or memory. */
export const LIMITS = { maxSourceChars: 2_000_000, maxNesting: 64 };

export const isToken = (e: SyntaxElement): e is SyntaxToken => (e as SyntaxToken).tokenType !== undefined;

/** Every token below a node, in source order (without tokens made up by recovery). */
export function tokensOf(node: SyntaxNode): SyntaxToken[] {
  const out: SyntaxToken[] = [];
  const walk = (n: SyntaxNode) => {
    for (const list of Object.values(n.children)) {
      for (const e of list ?? []) {
        if (isToken(e)) {
          if (!e.isInsertedInRecovery && !isNaN(e.startOffset)) out.push(e);
        } else walk(e);
      }
    }
  };
  walk(node);
  return out.sort((a, b) => a.startOffset - b.startOffset);
}
