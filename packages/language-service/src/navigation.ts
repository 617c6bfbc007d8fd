// Go to definition, find references and rename, from the semantic model's definitions and
// their references (names, labels in `expect` and `item "…"`, record keys of examples).
import { tokenize, type Compiled, type Definition, type DefinitionKind, type Span } from '@assess/core';
import type { Location, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { inThisFile, type FileContext } from './context.js';

/** What is written between quotes: renamed as a label. */
const LABEL_KINDS = new Set<DefinitionKind>(['section', 'item', 'bonus', 'veto', 'grade']);
/** What is written as a name: renamed to another name. */
const NAME_KINDS = new Set<DefinitionKind>(['input', 'entryField', 'let', 'member', 'unitKind', 'import']);

/** The definition whose name, or a use of which, is under the cursor. */
export function definitionAt(cx: FileContext, offset: number): Definition | undefined {
  return cx.model.nodeAt(offset).definition;
}

export function definition(cx: FileContext, offset: number): Location[] {
  const def = definitionAt(cx, offset);
  return def ? [location(cx, def.nameSpan)] : [];
}

export function references(cx: FileContext, offset: number, includeDeclaration: boolean): Location[] {
  const def = definitionAt(cx, offset);
  if (!def) return [];
  return [...(includeDeclaration ? [def.nameSpan] : []), ...def.references].map((s) => location(cx, s));
}

function renamable(def: Definition | undefined): def is Definition {
  return !!def && (LABEL_KINDS.has(def.kind) || NAME_KINDS.has(def.kind));
}

export function prepareRename(cx: FileContext, offset: number): { range: Range; placeholder: string } | null {
  const def = definitionAt(cx, offset);
  if (!renamable(def)) return null;
  const at = cx.model.referenceAt(offset)?.span ?? def.nameSpan;
  return { range: cx.positions.range(at), placeholder: def.name };
}

export function rename(cx: FileContext, offset: number, newName: string): WorkspaceEdit | Error | null {
  const def = definitionAt(cx, offset);
  if (!renamable(def)) return null;
  const problem = LABEL_KINDS.has(def.kind) ? badLabel(newName) : badName(newName);
  if (problem) return new Error(problem[cx.lang]);
  const spans = [def.nameSpan, ...def.references].filter((s) => inThisFile(cx, s));
  const clash = clashes(cx, def, spans, newName);
  if (clash) return new Error(clash[cx.lang]);
  const edits: TextEdit[] = spans.map((s) => ({ range: cx.positions.range(s), newText: newName }));
  return { changes: { [cx.uri]: edits } };
}

/**
 * Whether the renamed scheme would mean something else: tried, each place renamed must still name
 * the one thing renamed, it must be named nowhere else, and no name may be defined twice that was
 * not. (A new name can be taken by another one in scope: an entry's field inside `where`.)
 */
function clashes(cx: FileContext, def: Definition, spans: readonly Span[], newName: string): { en: string; zh: string } | undefined {
  const source = cx.compiled.source;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let text = '';
  let at = 0;
  const moved: number[] = [];
  for (const s of sorted) {
    text += source.slice(at, s.start);
    moved.push(text.length);
    text += newName;
    at = s.end;
  }
  text += source.slice(at);
  const after = cx.compileAs(text);
  const renamed = after.model.nodeAt(moved[Math.max(0, sorted.indexOf(def.nameSpan))]).definition;
  const same =
    renamed !== undefined &&
    moved.every((o) => after.model.nodeAt(o).definition === renamed) &&
    renamed.references.filter((s) => inThisFile(cx, s)).length === def.references.filter((s) => inThisFile(cx, s)).length &&
    count(after, 'E0007') <= count(cx.compiled, 'E0007');
  if (same) return undefined;
  const what = LABEL_KINDS.has(def.kind) ? `"${newName}"` : `\`${newName}\``;
  return { en: `${what} is already used where ${def.name} is: renaming would change what the scheme means`, zh: `“${newName}”已在“${def.name}”所用之处另有所指，改名会改变方案的含义` };
}

const count = (c: Compiled, code: string) => c.diagnostics.filter((d) => d.code === code).length;

/** A new name must read as one name to the lexer: not a keyword, not two words, no punctuation. */
function badName(name: string): { en: string; zh: string } | undefined {
  const t = tokenize(name);
  const one = t.diagnostics.length === 0 && t.comments.length === 0 && t.tokens.length === 1 && t.tokens[0].image === name;
  if (one && t.tokens[0].tokenType.name === 'Identifier') return undefined;
  if (one) return { en: `\`${name}\` is a keyword: choose another name`, zh: `“${name}”是关键字，请换一个名称` };
  return { en: `\`${name}\` is not a name: use letters, digits, _ or Chinese characters, starting with a letter or a character`, zh: `“${name}”不是合法的名称：只能用字母、数字、下划线或汉字，且不能以数字开头` };
}

/** A label may hold anything but quotes and line breaks. */
function badLabel(label: string): { en: string; zh: string } | undefined {
  if (label.length > 0 && !/["“”\r\n]/.test(label)) return undefined;
  return { en: 'A label cannot be empty or contain quotes or line breaks', zh: '标签不能为空，也不能包含引号或换行' };
}

function location(cx: FileContext, span: Span): Location {
  return { uri: cx.uri, range: cx.positions.range(span) };
}
