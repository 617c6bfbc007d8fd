// The scheme's editor: CodeMirror 6 with every language feature answered by the worker's
// language service (the one the language server runs): highlighting from the lexer's token
// classes, diagnostics with their quick fixes, completion, hover, formatting. The page only
// sends the text after each change (never more than one check in flight) and shows answers
// for the text they were made for.
import { autocompletion, completionKeymap, snippet, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { lintGutter, lintKeymap, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { EditorState, StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, hoverTooltip, keymap, lineNumbers, type DecorationSet } from '@codemirror/view';
import type { ClassifiedToken, OffsetDiagnostic } from '@assess/language-service';
import type { Client } from './client.js';
import type { Checked } from './protocol.js';

const setTokens = StateEffect.define<ClassifiedToken[]>();
const MARKS = Object.fromEntries(['keyword', 'name', 'label', 'number', 'comment', 'operator'].map((c) => [c, Decoration.mark({ class: `tok-${c}` })]));

/** Highlighting: the token classes of the last check, moved along with edits made since. */
const tokenField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    marks = marks.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(setTokens)) continue;
      const len = tr.state.doc.length;
      marks = Decoration.set(e.value.filter((t) => t.to <= len && t.from < t.to).map((t) => MARKS[t.cls].range(t.from, t.to)));
    }
    return marks;
  },
  provide: (f) => EditorView.decorations.from(f),
});

export interface SchemeEditor {
  view: EditorView;
  /** Resolves when the text as it is now has been checked and its answer shown. */
  flush(): Promise<void>;
  /** Checks the text again (the messages' language changed). */
  recheck(): Promise<void>;
  format(): Promise<void>;
  setText(text: string): void;
}

export interface EditorOptions {
  parent: HTMLElement;
  text: string;
  client: Client;
  /** Every check's answer, for the problems list, the grid's columns, the examples. */
  onChecked: (c: Checked, text: string) => void;
}

export function schemeEditor(o: EditorOptions): SchemeEditor {
  let version = 0;
  let checked = -1;
  let inFlight: Promise<void> | undefined;

  const check = async (): Promise<void> => {
    while (checked !== version) {
      const v = version;
      const text = view.state.doc.toString();
      const c = await o.client.call('check', { text, version: v });
      checked = v;
      // Answers for an older text are not shown: a newer check is on its way.
      if (v !== version) continue;
      view.dispatch(setDiagnostics(view.state, c.diagnostics.map((d) => lintDiagnostic(d, view.state.doc.length))), { effects: setTokens.of(c.tokens) });
      timeDiagnostics(v);
      o.onChecked(c, text);
    }
  };
  const flush = () => (inFlight ??= check().finally(() => (inFlight = undefined)));
  /** Resolves when the text as it is now has been checked and its answer shown. */
  const settle = async () => {
    while (checked !== version) await flush();
  };
  const changed = () => {
    version++;
    performance.mark(`${EDIT_MARK}${version}`);
    // A check in flight picks the new version up when it is done.
    void flush();
  };

  const view = new EditorView({
    parent: o.parent,
    state: EditorState.create({ doc: o.text, extensions: extensions(o.client, changed, () => settle()) }),
  });
  changed();
  return {
    view,
    flush: settle,
    recheck: () => {
      changed();
      return settle();
    },
    format: async () => {
      await settle();
      const edits = await o.client.call('format', null);
      if (edits.length > 0) view.dispatch({ changes: edits.map((e) => ({ from: e.from, to: e.to, insert: e.insert })) });
    },
    setText: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: 0 }, scrollIntoView: true }),
  };
}

const EDIT_MARK = 'assess-edit-';
/** User Timing (DevTools' timeline, `pnpm bench`): `assess-diagnostics` spans an edit to its diagnostics shown. */
export const DIAGNOSTICS_MEASURE = 'assess-diagnostics';

function timeDiagnostics(version: number) {
  const mark = `${EDIT_MARK}${version}`;
  if (performance.getEntriesByName(mark).length === 0) return;
  if (performance.getEntriesByName(DIAGNOSTICS_MEASURE).length > 1000) performance.clearMeasures(DIAGNOSTICS_MEASURE);
  performance.measure(DIAGNOSTICS_MEASURE, mark);
  // Marks of this version and of the versions it overtook are done with.
  for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith(EDIT_MARK) && Number(m.name.slice(EDIT_MARK.length)) <= version) performance.clearMarks(m.name);
}

function lintDiagnostic(d: OffsetDiagnostic, length: number): Diagnostic {
  return {
    from: Math.min(d.from, length),
    to: Math.min(Math.max(d.to, d.from), length),
    severity: d.severity,
    source: d.code,
    message: d.message,
    actions: d.fixes.map((f) => ({
      name: f.title,
      apply: (view: EditorView) => view.dispatch({ changes: f.edits.map((e) => ({ from: e.from, to: e.to, insert: e.insert })) }),
    })),
  };
}

/** `sync`: resolves when the worker has the text as it is now (its offsets are then this text's). */
function extensions(client: Client, changed: () => void, sync: () => Promise<void>): Extension[] {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    history(),
    drawSelection(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    EditorView.lineWrapping,
    tokenField,
    lintGutter(),
    autocompletion({ override: [(cx) => complete(client, sync, cx)] }),
    hoverTooltip((view, pos) => hover(client, sync, view, pos)),
    keymap.of([...defaultKeymap, ...historyKeymap, ...completionKeymap, ...lintKeymap, ...searchKeymap, indentWithTab]),
    EditorView.updateListener.of((u) => {
      if (u.docChanged) changed();
    }),
  ];
}

async function complete(client: Client, sync: () => Promise<void>, cx: CompletionContext): Promise<CompletionResult | null> {
  const word = cx.matchBefore(/[\p{L}\p{N}_]*/u);
  if (!cx.explicit && (!word || word.from === word.to) && !/[.:：]$/.test(cx.state.sliceDoc(cx.pos - 1, cx.pos))) return null;
  await sync();
  if (cx.aborted) return null;
  const items = await client.call('completion', { offset: cx.pos });
  if (items.length === 0 || cx.aborted) return null;
  const from = Math.min(...items.map((i) => i.from), word?.from ?? cx.pos);
  return {
    from,
    options: items.map((i) => ({
      label: i.label,
      detail: i.detail,
      type: i.type,
      apply: i.snippet
        ? (view, completion, f, t) => snippet(i.text.replace(/\$\{(\d+):([^}]*)\}/g, '$${$2}').replace(/\$(\d+)/g, '$${}'))(view, completion, f, t)
        : (view, _c, f, t) => view.dispatch({ changes: { from: Math.min(i.from, f), to: Math.max(i.to, t), insert: i.text }, selection: { anchor: Math.min(i.from, f) + i.text.length } }),
    })),
    validFor: /^[\p{L}\p{N}_]*$/u,
  };
}

async function hover(client: Client, sync: () => Promise<void>, view: EditorView, pos: number) {
  const doc = view.state.doc;
  await sync();
  const h = await client.call('hover', { offset: pos });
  // Text typed meanwhile would put the answer in the wrong place.
  if (!h || view.state.doc !== doc) return null;
  return {
    pos: h.from,
    end: h.to,
    create: () => {
      const dom = document.createElement('div');
      dom.className = 'hover';
      dom.innerHTML = markdown(h.markdown);
      return { dom };
    },
  };
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The little Markdown hover text uses (bold, code, paragraphs), with every character escaped first. */
export function markdown(md: string): string {
  return md
    .split(/\n{2,}/)
    .map((p) => `<p>${escape(p).replace(/\*\*(.+?)\*\*/g, '<b>$1</b>').replace(/`([^`]+)`/g, '<code>$1</code>').replace(/\\([\\`*_[\]()#+\-.!|{}])/g, '$1').replace(/\n/g, '<br>')}</p>`)
    .join('');
}
