// The generated TextMate grammar, run by VS Code's own engine (vscode-textmate with the
// Oniguruma regex library): every spelling of every keyword is a keyword, names that contain
// keyword characters are names, and on every line of every example the grammar's keywords and
// names are exactly the lexer's.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KEYWORDS, tokenize } from '@assess/core';
import { assessFiles } from '@assess/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { INITIAL, Registry, type IGrammar } from 'vscode-textmate';
import { createOnigScanner, createOnigString, loadWASM } from 'vscode-oniguruma';
import { KEYWORD_SCOPES, keywordScope, textMateGrammar } from './grammar.js';

const require = createRequire(import.meta.url);
const repo = fileURLToPath(new URL('../../../', import.meta.url));
let grammar: IGrammar;

beforeAll(async () => {
  await loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer as ArrayBuffer);
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner, createOnigString }),
    loadGrammar: async () => JSON.parse(JSON.stringify(textMateGrammar())),
  });
  grammar = (await registry.loadGrammar('source.assess'))!;
});

/** The tokens of one line: text and innermost scope. */
function highlight(line: string): { text: string; scope: string; start: number }[] {
  return grammar.tokenizeLine(line, INITIAL).tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scope: t.scopes[t.scopes.length - 1], start: t.startIndex }));
}
const isKeyword = (scope: string) => KEYWORD_SCOPES.has(scope);

describe('the TextMate grammar', () => {
  it('highlights every spelling of every keyword as a keyword, alone and between other words', () => {
    for (const k of KEYWORDS) {
      for (const s of [...k.en, ...k.zh]) {
        expect(highlight(s), s).toEqual([{ text: s, scope: keywordScope(k), start: 0 }]);
        const inLine = highlight(`x ${s} 1`).find((t) => t.text === s);
        expect(inLine?.scope, `x ${s} 1`).toBe(keywordScope(k));
      }
    }
  });

  it('does not highlight names that contain keyword characters', () => {
    const names = ['少报次数', '满分率', '每名单', '总分数', '扣分项', '次数多', '是否达标', '按比例计', '扣1', 'ifx', 'maximum', 'max_score', 'total2', 'sum了', 'if少报'];
    for (const k of KEYWORDS) for (const s of [...k.zh]) names.push(`${s}甲`, `甲${s}`);
    for (const k of KEYWORDS) for (const s of k.en.filter((x) => !/[ /]/.test(x))) names.push(`${s}x`, `x${s}`, `${s}_1`);
    for (const name of names) expect(highlight(name), name).toEqual([{ text: name, scope: 'variable.other.assess', start: 0 }]);
  });

  it('keeps comments, labels and numbers whole', () => {
    expect(highlight('# 满分 max 每')).toEqual([{ text: '# 满分 max 每', scope: 'comment.line.number-sign.assess', start: 0 }]);
    const labels = highlight('"满分 if" “每 扣”').filter((t) => t.text.trim());
    expect(labels.map((t) => [t.text, t.scope])).toEqual([['"满分 if"', 'string.quoted.double.assess'], ['“每 扣”', 'string.quoted.other.assess']]);
    expect(highlight('5000万').map((t) => [t.text, t.scope])).toEqual([['5000万', 'constant.numeric.assess']]);
  });

  it('agrees with the lexer on every token and comment of every example, and on full-width punctuation', () => {
    const lines = assessFiles(join(repo, 'examples')).flatMap((f) => readFileSync(f, 'utf8').split('\n'));
    lines.push('＃ 注释', 'x ＝ 1 ＋ 2 － 3 ＊ 4 ／ 5', 'a ＜＝ b ＞＝ c ！＝ d ＝＝ e ＜ f ＞ g', '｛ ［1］ ｝ ＂标签＂ “标签”', '指标 "未闭合 的标签', '“未闭合 满分 5', '指标 "未闭合：1', '"关于"三公"经费" "a"满分"b"');
    let checked = 0;
    for (const line of lines) {
      const highlighted = new Map(highlight(line).map((t) => [t.start, t]));
      const { tokens, comments } = tokenize(line);
      for (const t of [...tokens, ...comments]) {
        const h = highlighted.get(t.startOffset);
        expect(h?.text, line).toBe(t.image);
        expect(scopeKind(h!.scope), `${t.image} in ${line}`).toBe(tokenKind(t.tokenType.name));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10000);
  });
});

/** What the lexer calls a token, in the grammar's terms. */
function tokenKind(name: string): string {
  if (KEYWORDS.some((k) => k.name === name)) return 'keyword';
  const kinds: Record<string, string> = { Identifier: 'name', NumberLit: 'number', StringLit: 'label', UnclosedLabel: 'label', Comment: 'comment' };
  return kinds[name] ?? 'punctuation';
}

/** What the grammar's scope says a token is. */
function scopeKind(scope: string): string {
  if (isKeyword(scope)) return 'keyword';
  if (scope === 'variable.other.assess') return 'name';
  if (scope === 'constant.numeric.assess') return 'number';
  if (scope.startsWith('string.')) return 'label';
  if (scope.startsWith('comment.')) return 'comment';
  return scope.startsWith('punctuation.') || scope === 'keyword.operator.assess' ? 'punctuation' : scope;
}
