// The offset answers (the studio's editor): the same diagnostics, messages and fixes as the
// LSP ones, at the same places; tokens classed as the lexer read them.
import { describe, expect, it } from 'vitest';
import { LanguageService } from './index.js';

const SRC = `scheme "s" total 5
input {
  missing_reports : count "少报次数"
}
# a comment
item "材料报送" max 5: deduct 1 per missing_report
`;

describe('offset diagnostics', () => {
  it('are the LSP diagnostics, at the same places, with the code actions as fixes', () => {
    const s = new LanguageService({ lang: 'zh' });
    s.update('a.assess', SRC);
    const lsp = s.diagnostics('a.assess');
    const off = s.offsetDiagnostics('a.assess');
    expect(off.map((d) => [d.code, d.message])).toEqual(lsp.map((d) => [d.code, d.message]));
    expect(off.map((d) => [s.positionAt('a.assess', d.from), s.positionAt('a.assess', d.to)])).toEqual(lsp.map((d) => [d.range.start, d.range.end]));
    const unknown = off.find((d) => d.code === 'E0101')!;
    expect(SRC.slice(unknown.from, unknown.to)).toBe('missing_report');
    const actions = s.codeActions('a.assess', lsp.find((d) => d.code === 'E0101')!.range);
    expect(unknown.fixes.map((f) => f.title)).toEqual(actions.map((a) => a.title));
    const fixed = unknown.fixes[0].edits.reduceRight((t, e) => t.slice(0, e.from) + e.insert + t.slice(e.to), SRC);
    s.update('a.assess', fixed);
    expect(s.offsetDiagnostics('a.assess')).toEqual([]);
  });
});

describe('token classes', () => {
  it('keywords in either language, names, labels, numbers, comments, operators', () => {
    const s = new LanguageService();
    s.update('a.assess', SRC);
    const seen = (cls: string) => s.tokenClasses('a.assess').filter((t) => t.cls === cls).map((t) => SRC.slice(t.from, t.to));
    expect(seen('keyword')).toEqual(['scheme', 'total', 'input', 'count', 'item', 'max', 'deduct', 'per']);
    expect(seen('label')).toEqual(['"s"', '"少报次数"', '"材料报送"']);
    expect(seen('number')).toEqual(['5', '5', '1']);
    expect(seen('comment')).toEqual(['# a comment']);
    expect(seen('name')).toEqual(['missing_reports', 'missing_report']);
    s.update('b.assess', '方案 "甲" 总分 10\n指标 "乙" 满分 5：每 少报次数 扣 1\n');
    expect(s.tokenClasses('b.assess').filter((t) => t.cls === 'keyword').length).toBe(6);
  });

  it('positions and offsets convert both ways (UTF-16, astral characters too)', () => {
    const s = new LanguageService();
    s.update('c.assess', 'a\n𝔸b\n');
    expect(s.positionAt('c.assess', 4)).toEqual({ line: 1, character: 2 });
    expect(s.offsetAt('c.assess', { line: 1, character: 3 })).toBe(5);
  });
});
