// The language server through the protocol, as an editor sees it: every feature, on the
// article-3 towns scheme written with Chinese keywords and with English keywords.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compile } from '@assess/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, FoldingRange, Hover, InlayHint, Location, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { docsFolder } from './server.js';
import { positionOf, TestClient } from './test-client.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const read = (p: string) => readFileSync(join(repo, p), 'utf8');

/** The same scheme in both keyword languages, with the places the tests point at. */
const CASES = [
  {
    lang: 'zh',
    file: 'examples/article3-towns/scheme.assess',
    maxKeyword: '满分',
    deductSnippet: '每 … 扣 …',
    deductLine: '指标 "材料报送" 满分 5：每 少报次数 扣 1',
    newItem: '  指标 "新指标" 满分 1：',
    sectionOpen: '小节 "定性考核" 满分 10 {',
    where: '其中 年度 = 2024',
    whereEnum: '其中 级别 = 市级',
    tier: '市级 3',
    expectItem: '预期 指标 "组织领导"',
    expectGrade: '预期 等级 = "优秀"',
    sentence: '每次扣 1 分，扣完为止',
    itemsHint: '指标合计 10',
  },
  {
    lang: 'en',
    file: 'examples/article3-towns-en/scheme.assess',
    maxKeyword: 'max',
    deductSnippet: 'deduct … per …',
    deductLine: 'item "材料报送" max 5: deduct 1 per 少报次数',
    newItem: '  item "新指标" max 1: ',
    sectionOpen: 'section "定性考核" max 10 {',
    where: 'where 年度 = 2024',
    whereEnum: 'where 级别 = 市级',
    tier: '市级 3',
    expectItem: 'expect item "组织领导"',
    expectGrade: 'expect grade = "优秀"',
    sentence: '1 point off per',
    itemsHint: 'items 10',
  },
] as const;

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('x', 'assess', 0, text), edits);
const hoverText = (h: Hover | null) => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');
/** The diagnostics `assess check` gives for a text, as codes and lines. */
const checked = (uri: string, text: string) => compile(fileURLToPath(uri), text).diagnostics.map((d) => d.code);

describe.each(CASES)('a scheme with $lang keywords', (c) => {
  const text = read(c.file);
  const uri = pathToFileURL(join(repo, c.file)).href;
  let client: TestClient;
  beforeAll(async () => {
    client = await TestClient.start({ locale: c.lang === 'zh' ? 'zh-cn' : 'en-us' });
  });
  afterAll(() => client.dispose());
  const at = (t: string, marker: string, delta = 0) => ({ textDocument: { uri }, position: positionOf(t, marker, delta) });

  it('publishes diagnostics as the document changes, the same as assess check', async () => {
    expect(await client.open(uri, text)).toEqual([]);
    const brokenLine = c.deductLine.replace('少报次数', '少报次');
    const broken = text.replace(c.deductLine, brokenLine);
    const ds = await client.replace(uri, broken);
    expect(ds.map((d) => d.code)).toEqual(checked(uri, broken));
    expect(ds[0]).toMatchObject({ code: 'E0101', severity: 1, source: 'assess', range: { start: positionOf(broken, brokenLine, brokenLine.indexOf('少报次')) } });
    expect(ds[0].message).toContain(c.lang === 'zh' ? '未定义的名称' : 'unknown name');
    expect(await client.replace(uri, text)).toEqual([]);
  });

  it('completes keywords and snippets in the file’s language, inputs and lets', async () => {
    const edited = text.replace(c.sectionOpen, `${c.sectionOpen}\n${c.newItem}`);
    await client.replace(uri, edited);
    const items = await client.request<CompletionItem[]>('textDocument/completion', at(edited, c.newItem, c.newItem.length));
    expect(labels(items)).toEqual(expect.arrayContaining([c.maxKeyword, c.deductSnippet, '少报次数', '组织体系', '荣誉']));
    const other = c.lang === 'zh' ? 'max' : '满分';
    expect(labels(items)).not.toContain(other);
    const snippet = items.find((i) => i.label === c.deductSnippet)!;
    expect(snippet.insertTextFormat).toBe(2);
    expect((snippet.textEdit as TextEdit).newText).toBe(c.lang === 'zh' ? '每 ${1:少报次数} 扣 ${2:1}' : 'deduct ${1:1} per ${2:missing_reports}');
    await client.replace(uri, text);
  });

  it('completes the fields of a list’s entries inside where, with and best per', async () => {
    const items = await client.request<CompletionItem[]>('textDocument/completion', at(text, c.where, c.where.indexOf(' ') + 1));
    expect(labels(items).slice(0, 4).sort()).toEqual(['佐证', '年度', '级别', '项目']);
  });

  it('completes enum members after = and in tier tables', async () => {
    const edited = text.replace(c.where, c.whereEnum);
    await client.replace(uri, edited);
    const afterEquals = await client.request<CompletionItem[]>('textDocument/completion', at(edited, c.whereEnum, c.whereEnum.indexOf('市级')));
    expect(labels(afterEquals)).toEqual(['区级', '市级', '省级', '国家级']);
    const tiers = await client.request<CompletionItem[]>('textDocument/completion', at(edited, c.tier));
    expect(labels(tiers).slice(0, 4)).toEqual(['区级', '市级', '省级', '国家级']);
    await client.replace(uri, text);
  });

  it('completes item and grade labels inside quotes', async () => {
    const items = await client.request<CompletionItem[]>('textDocument/completion', at(text, c.expectItem, c.expectItem.indexOf('"') + 1));
    expect(labels(items)).toEqual(['组织领导', '材料报送', '牵头部门考核']);
    const grades = await client.request<CompletionItem[]>('textDocument/completion', at(text, c.expectGrade, c.expectGrade.indexOf('"') + 1));
    expect(labels(grades)).toEqual(['优秀', '良好', '合格', '不合格']);
  });

  it('completes a section label after an unclosed quote, closing it', async () => {
    const line = c.lang === 'zh' ? '  预期 小节 "' : '  expect section "';
    const edited = text.replace(c.expectItem, `${line}\n  ${c.expectItem}`);
    await client.replace(uri, edited);
    const items = await client.request<CompletionItem[]>('textDocument/completion', at(edited, line, line.length));
    expect(labels(items)).toEqual(['定性考核', '定量考核']);
    expect((items[0].textEdit as TextEdit).newText).toBe('定性考核"');
    await client.replace(uri, text);
  });

  it('hovers: an input’s type, label and optionality; an item’s max, range and rule; a section; a keyword', async () => {
    const input = hoverText(await client.request<Hover>('textDocument/hover', at(text, '佐证 :', 1)));
    expect(input).toContain('**佐证**');
    expect(input).toContain(c.lang === 'zh' ? '可选' : 'optional');
    expect(input).toContain('荣誉证书、相关文件或会议材料');
    const item = hoverText(await client.request<Hover>('textDocument/hover', at(text, c.deductLine, c.deductLine.indexOf('材料'))));
    expect(item).toContain(c.lang === 'zh' ? '满分 5' : 'max 5');
    expect(item).toContain('0..5');
    expect(item).toContain(c.sentence);
    const section = hoverText(await client.request<Hover>('textDocument/hover', at(text, c.sectionOpen, c.sectionOpen.indexOf('定性'))));
    expect(section).toContain(c.lang === 'zh' ? '各指标满分合计 10' : 'sum of its items’ maxima 10');
    const keyword = hoverText(await client.request<Hover>('textDocument/hover', at(text, c.sectionOpen, c.sectionOpen.indexOf(c.maxKeyword))));
    expect(keyword).toContain('maximum points');
    expect(keyword).toContain('满分；扣分的上限');
  });

  it('goes to a definition and finds references, record keys of examples included', async () => {
    const [def] = await client.request<Location[]>('textDocument/definition', at(text, c.deductLine, c.deductLine.indexOf('少报次数')));
    expect(def.range.start).toEqual(positionOf(text, '少报次数 :'));
    const refs = await client.request<Location[]>('textDocument/references', { ...at(text, '少报次数 :'), context: { includeDeclaration: true } });
    expect(refs.length).toBe(text.split('少报次数').length - 1 - (text.match(/#.*少报次数/g) ?? []).length - (text.match(/"[^"\n]*少报次数[^"\n]*"/g) ?? []).length);
  });

  it('renames an input and an item label used in expect lines; refuses a keyword', async () => {
    const prepared = await client.request<{ placeholder: string }>('textDocument/prepareRename', at(text, '少报次数 :'));
    expect(prepared.placeholder).toBe('少报次数');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...at(text, '少报次数 :'), newName: '缺报次数' });
    const renamed = apply(text, edit.changes![uri]);
    expect(renamed).not.toMatch(/少报次数 :|per 少报次数|每 少报次数|少报次数:/);
    expect(checked(uri, renamed)).toEqual([]);
    const labelEdit = await client.request<WorkspaceEdit>('textDocument/rename', { ...at(text, c.expectItem, c.expectItem.indexOf('"') + 1), newName: '组织保障' });
    const relabelled = apply(text, labelEdit.changes![uri]);
    expect(relabelled).not.toContain('组织领导"');
    expect(checked(uri, relabelled)).toEqual([]);
    await expect(client.request('textDocument/rename', { ...at(text, '少报次数 :'), newName: c.maxKeyword })).rejects.toThrow(c.lang === 'zh' ? /关键字/ : /keyword/);
  });

  it('lists sections → items with their max as document symbols, and folds blocks and comments', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const section = symbols.find((s) => s.name === '定性考核')!;
    expect(section.children!.map((i) => [i.name, i.detail])).toEqual([
      ['组织领导', `${c.lang === 'zh' ? '满分' : 'max'} 5`],
      ['材料报送', `${c.lang === 'zh' ? '满分' : 'max'} 5`],
    ]);
    expect(symbols.map((s) => s.name)).toContain(c.lang === 'zh' ? '输入' : 'input');
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    expect(folds).toContainEqual({ startLine: positionOf(text, c.sectionOpen).line, endLine: positionOf(text, c.deductLine).line });
    expect(folds.some((f) => f.kind === 'comment' && f.startLine === 0)).toBe(true);
  });

  it('formats the whole document and a range, with the Prettier plugin’s printer', async () => {
    const messy = text.replace(c.sectionOpen, c.sectionOpen.replace(/ /g, '   ')).replace(c.deductLine, c.deductLine.replace(/ /g, '  '));
    await client.replace(uri, messy);
    const whole = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 8, insertSpaces: false } });
    expect(apply(messy, whole)).toBe(text);
    // Only the declaration the range touches: the section holding the deduction.
    const line = positionOf(messy, c.deductLine.replace(/ /g, '  ')).line;
    const ranged = await client.request<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri }, range: { start: { line, character: 0 }, end: { line, character: 1 } }, options: { tabSize: 2, insertSpaces: true } });
    expect(apply(messy, ranged)).toBe(text);
    await client.replace(uri, text);
  });

  it('shows the sum of a section’s items beside its max as an inlay hint', async () => {
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 9999, character: 0 } } });
    const hint = hints.find((h) => h.label === c.itemsHint)!;
    expect(hint.position).toEqual(positionOf(text, c.sectionOpen, c.sectionOpen.indexOf(' {')));
  });

  it('runs the scheme on a data file (assess/run)', async () => {
    const data = pathToFileURL(join(repo, c.file.replace('scheme.assess', 'data.json'))).href;
    const r = await client.request<{ ok: boolean; table: { header: string[]; rows: string[][] } }>('assess/run', { uri, data });
    expect(r.ok).toBe(true);
    expect(r.table.header[0]).toBe(c.lang === 'zh' ? '单位' : 'unit');
    expect(r.table.rows.length).toBeGreaterThan(0);
  });
});

describe('lets, list fields after `.`, unit kinds, bands and item ranges', () => {
  const text = [
    'scheme "small" total 20',
    'unit town "镇", street "街道"',
    'input {',
    '  level : city | province "级别"',
    '  honors : list of {',
    '    tier : city | province',
    '    year : integer',
    '  }',
    '  done : yes/no',
    '}',
    'let base = 2',
    'item "a" max 10: bands level { city: 5, province: 10 }',
    'item "b" max 5: base + count(honors where year = 2024)',
    'item "c" max 5 {',
    '  2 if done',
    '  1 if unit = town',
    '}',
    '',
  ].join('\n');
  const uri = 'file:///small/s.assess';
  let client: TestClient;
  beforeAll(async () => {
    client = await TestClient.start({ locale: 'en' });
    await client.open(uri, text);
  });
  afterAll(() => client.dispose());
  const complete = (t: string, marker: string, delta: number) => client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: positionOf(t, marker, delta) });

  it('offers lets with the inputs', async () => {
    expect(labels(await complete(text, 'base +', 0))).toEqual(expect.arrayContaining(['base', 'level', 'honors', 'done']));
  });

  it('offers the fields of a list’s entries after `.`, while it is typed', async () => {
    const edited = text.replace('let base = 2', 'let base = 2\nlet years = honors.');
    await client.replace(uri, edited);
    expect(labels(await complete(edited, 'honors.', 'honors.'.length))).toEqual(['tier', 'year']);
    await client.replace(uri, text);
  });

  it('offers unit kinds after `unit =` and enum members in bands', async () => {
    expect(labels(await complete(text, 'unit = town', 'unit = '.length))).toEqual(['town', 'street']);
    expect(labels(await complete(text, 'province: 10', 0)).slice(0, 2)).toEqual(['city', 'province']);
  });

  it('shows an item’s range beside its max when it is not 0..max', async () => {
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } } });
    expect(hints.map((h) => [h.position.line, h.label])).toEqual([
      [12, 'possible scores 2..5'],
      [13, 'possible scores 0..3'],
    ]);
  });
});

describe('quick fixes from the structured suggestions', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = await TestClient.start({ locale: 'en' });
  });
  afterAll(() => client.dispose());

  const fixes = async (name: string, text: string) => {
    const uri = `file:///fixes/${name}.assess`;
    const ds = await client.open(uri, text);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: ds[0].range, context: { diagnostics: ds } });
    return { ds, actions, applied: (i = 0) => apply(text, actions[i].edit!.changes![uri]) };
  };

  it('did you mean (English keywords)', async () => {
    const { actions, applied } = await fixes('typo', read('packages/core/tests/diagnostics/unknown-name-typo.assess'));
    expect(actions[0]).toMatchObject({ kind: 'quickfix', title: expect.stringContaining('missing_reports') });
    expect(checked('file:///x.assess', applied())).toEqual([]);
  });

  it('split a glued keyword (Chinese keywords)', async () => {
    const { actions, applied } = await fixes('glued', read('packages/core/tests/diagnostics/syntax-glued-keyword.assess'));
    expect(actions.length).toBe(1);
    expect(applied()).toContain('每 少报次数 扣 1');
    expect(checked('file:///x.assess', applied())).toEqual([]);
  });

  it('add ?? 0 to an optional input', async () => {
    const { ds, actions, applied } = await fixes('optional', read('packages/core/tests/diagnostics/optional-without-fallback.assess'));
    expect(ds[0].code).toBe('E0203');
    expect(applied(actions.findIndex((a) => a.title.includes('?? 0')))).toContain('dept_rate ?? 0');
  });
});

describe('the message language', () => {
  const text = 'scheme "x" total 10\nitem "a" max 10: 10 if nothing\n';
  it('follows the client’s locale, unless the assess.language setting says otherwise', async () => {
    const zh = await TestClient.start({ locale: 'zh-CN' });
    expect((await zh.open('file:///l/a.assess', text))[0].message).toContain('未定义的名称');
    const set = await TestClient.start({ locale: 'zh-CN', initializationOptions: { language: 'en' } });
    expect((await set.open('file:///l/a.assess', text))[0].message).toContain('unknown name');
    const next = set.nextDiagnostics('file:///l/a.assess');
    await set.connection.sendNotification('workspace/didChangeConfiguration', { settings: { assess: { language: 'zh' } } });
    expect((await next)[0].message).toContain('未定义的名称');
    const asked = await TestClient.start({ locale: 'en', configuration: { language: 'zh' } });
    await new Promise((r) => setTimeout(r, 50));
    expect((await asked.open('file:///l/a.assess', text))[0].message).toContain('未定义的名称');
    for (const c of [zh, set, asked]) c.dispose();
  });
});

describe('links to the diagnostics pages', () => {
  const text = 'scheme "x" total 10\nitem "a" max 10: 10 if nothing\n';
  it('gives each code its section of the page in the message language, where the assess.docsUrl setting says', async () => {
    const none = await TestClient.start({ locale: 'en' });
    expect((await none.open('file:///l/a.assess', text))[0].codeDescription).toBeUndefined();
    const set = await TestClient.start({ locale: 'zh-CN', initializationOptions: { docsUrl: 'https://example.org/assess/docs' } });
    expect((await set.open('file:///l/a.assess', text))[0].codeDescription).toEqual({ href: 'https://example.org/assess/docs/zh/%E8%AF%8A%E6%96%AD.md#e0101' });
    const next = set.nextDiagnostics('file:///l/a.assess');
    await set.connection.sendNotification('workspace/didChangeConfiguration', { settings: { assess: { language: 'en', docsUrl: 'file:///opt/assess/docs/' } } });
    expect((await next)[0].codeDescription).toEqual({ href: 'file:///opt/assess/docs/diagnostics.md#e0101' });
    const bad = await TestClient.start({ locale: 'en', initializationOptions: { docsUrl: 'not a url' } });
    expect((await bad.open('file:///l/a.assess', text))[0].codeDescription).toBeUndefined();
    for (const c of [none, set, bad]) c.dispose();
  });

  it('defaults to the docs of the repository the server runs from', () => {
    expect(docsFolder(new URL('../../../docs/', import.meta.url))).toMatch(/^file:.*\/docs\/$/);
    expect(docsFolder(new URL('../../../examples/', import.meta.url))).toBeUndefined();
  });
});

describe('use imports', () => {
  it('re-checks the open files that use a file when it changes, open or on disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'assess-lsp-'));
    const part = 'scheme "部门" total 10\ninput { a : yes/no }\nitem "甲" max 10: 10 if a\n';
    const main = 'scheme "综合" total 10\nuse "part.assess" as p\nitem "部门" max 10: p.total\n';
    writeFileSync(join(dir, 'part.assess'), part);
    const mainUri = pathToFileURL(join(dir, 'main.assess')).href;
    const partUri = pathToFileURL(join(dir, 'part.assess')).href;
    const client = await TestClient.start({ locale: 'en' });
    expect(await client.open(mainUri, main)).toEqual([]);
    // Opened and broken in the editor: main reports the import's errors at its `use` line.
    await client.open(partUri, part);
    const mainAfter = client.nextDiagnostics(mainUri);
    await client.replace(partUri, part.replace('if a', 'if b'));
    expect((await mainAfter).map((d) => d.code)).toEqual(['E0403']);
    const fixed = client.nextDiagnostics(mainUri);
    await client.replace(partUri, part);
    expect(await fixed).toEqual([]);
    // Closed, then changed on disk.
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: partUri } });
    writeFileSync(join(dir, 'part.assess'), part.replace('if a', 'if c'));
    const onDisk = client.nextDiagnostics(mainUri);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: partUri, type: 2 }] });
    expect((await onDisk).map((d: Diagnostic) => d.code)).toEqual(['E0403']);
    client.dispose();
  });
});

describe('a rename that would change what a scheme means', () => {
  const text = `scheme "s" total 20
input {
  a : count "甲"
  l : list of { v : number }
}
let b = a + 1
item "x" max 10: count(l where v > a)
item "y" max 10: b
example "e" {
  given { a: 1, l: [{ v: 0 }, { v: 5 }] }
  expect total = 3
}
`;
  const uri = 'file:///r/s.assess';
  const rename = async (client: TestClient, marker: string, newName: string) =>
    client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: positionOf(text, marker), newName });

  it('is refused: a name an entry field takes inside `where`, a name or a label already defined', async () => {
    const client = await TestClient.start({ locale: 'en' });
    await client.open(uri, text);
    await expect(rename(client, 'a : count', 'v')).rejects.toThrow(/already used where a is/);
    await expect(rename(client, 'v : number', 'a')).rejects.toThrow(/already used where v is/);
    await expect(rename(client, 'b = a', 'a')).rejects.toThrow(/already used/);
    await expect(rename(client, 'x" max', 'y')).rejects.toThrow(/"y" is already used/);
    // A name free everywhere it is used is renamed, examples and all.
    const edit = await rename(client, 'a : count', 'c');
    const renamed = apply(text, edit.changes![uri]);
    expect(renamed).toContain('count(l where v > c)');
    expect(renamed).toContain('given { c: 1');
    expect(checked(uri, renamed)).toEqual([]);
    client.dispose();
  });

  it('is refused in Chinese too', async () => {
    const client = await TestClient.start({ locale: 'zh-CN' });
    await client.open(uri, text);
    await expect(rename(client, 'a : count', 'v')).rejects.toThrow(/改名会改变方案的含义/);
    client.dispose();
  });
});

describe('a client that sends what it should not', () => {
  const text = 'scheme "s" total 1\nitem "i" max 1: 1';

  it('keeps a file URI with no path here (a host) as a document in memory, through a change of language', async () => {
    const client = await TestClient.start({ locale: 'en' });
    const uri = 'file://server/share/a.assess';
    expect((await client.open(uri, text + ' if nothing'))[0].message).toContain('unknown name');
    const next = client.nextDiagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { assess: { language: 'zh' } } });
    expect((await next)[0].message).toContain('未定义的名称');
    client.dispose();
  });

  it('ignores a document opened with no text, and goes on', async () => {
    const client = await TestClient.start({ locale: 'en' });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///c/n.assess', languageId: 'assess', version: 1, text: 42 } });
    expect(await client.open('file:///c/a.assess', text)).toEqual([]);
    client.dispose();
  });

  it('applies a change whose range is past the end at the end, and the ones after it where the client does', async () => {
    const client = await TestClient.start({ locale: 'en' });
    const uri = 'file:///c/end.assess';
    await client.open(uri, text);
    await client.edit(uri, { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }, '\n');
    const version = await client.edit(uri, { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, 'item "j" max 1: 1');
    const after = text + '\nitem "j" max 1: 1';
    expect((await client.nextDiagnostics(uri, version)).map((d) => d.code)).toEqual(checked(uri, after));
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((s) => s.name)).toEqual(['i', 'j'].map((l) => expect.stringContaining(l)));
    client.dispose();
  });

  it('reports a deeply nested scheme (E0006) and a `use` of something that is not a file, and goes on answering', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'assess-lsp-'));
    expect(spawnSync('mkfifo', [join(dir, 'fifo.assess')]).status).toBe(0);
    const client = await TestClient.start({ locale: 'en' });
    const deep = 'scheme "s" total 1\ninput { y : yes/no }\nitem "a" max 1: ' + 'if y then 1 else '.repeat(2000) + '0\n';
    expect((await client.open('file:///c/deep.assess', deep)).map((d) => d.code)).toEqual(['E0006']);
    const uses = pathToFileURL(join(dir, 'main.assess')).href;
    expect((await client.open(uses, 'scheme "s" total 1\nuse "fifo.assess" as f\nitem "a" max 1: 1\n')).map((d) => d.code)).toContain('E0401');
    expect(await client.request('textDocument/hover', { textDocument: { uri: uses }, position: { line: 1, character: 6 } })).not.toBeUndefined();
    client.dispose();
  });
});
