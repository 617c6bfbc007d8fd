// A long table's body drawn a window at a time: only the rows its scroll container shows (and
// a few either side) are in the page, between two spacer rows as tall as the rows left out, so
// the scroll bar is that of every row. A cohort of 10,000 units is one scroll away in the grid
// and the results alike, and drawing it costs what drawing a screenful does.

/** Rows drawn above and below the ones in view, so that a short scroll shows rows already drawn. */
const OVERSCAN = 12;
/** Rows drawn while the container has no height yet (its tab not shown). */
const UNSEEN = 40;
/** A row's height before one has been measured (a row of inputs at 13px). */
const GUESS = 25;

export interface WindowedRows {
  /** Scroll row `i` into view (as little as will do) and draw it. */
  reveal(i: number): void;
}

/** What each table's body is drawing: drawing the table again replaces its listener, and keeps its scroll when it draws the same thing. */
const current = new WeakMap<HTMLTableElement, { dispose: () => void; what: string; top: number; rowHeight: number }>();

/**
 * The body of `table` for `count` rows, each made by `draw(i, tr)`. The table's parent is the
 * scroll container. `what` names what the rows are (a file, an order): drawn again for the
 * same, the table stays where it was scrolled to (an edit, a run, its tab shown again); for
 * another, it starts at the top. A focused input in a row about to be left out is blurred first,
 * so that its `change` is not lost (Chromium fires it when a focused input is removed, and the
 * end-to-end test, run there, cannot tell; not every browser does).
 */
export function windowedRows(table: HTMLTableElement, count: number, draw: (i: number, tr: HTMLTableRowElement) => void, what: string): WindowedRows {
  const before = current.get(table);
  before?.dispose();
  const scroller = table.parentElement!;
  const body = table.createTBody();
  const state = { what, top: before?.what === what ? before.top : 0, rowHeight: before?.rowHeight ?? GUESS, dispose: () => {} };
  current.set(table, state);
  let first = 0;
  let end = 0;

  const spacer = () => {
    const tr = document.createElement('tr');
    tr.className = 'spacer';
    tr.setAttribute('aria-hidden', 'true');
    tr.insertCell().colSpan = 1000;
    return tr;
  };
  const above = spacer();
  const below = spacer();

  /** The rows drawn, `first` to `end`. */
  let drawn: HTMLTableRowElement[] = [];
  const make = (i: number) => {
    const tr = document.createElement('tr');
    tr.dataset.index = String(i);
    draw(i, tr);
    return tr;
  };
  const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, k) => make(from + k));
  const spacers = () => {
    above.style.height = `${first * state.rowHeight}px`;
    below.style.height = `${(count - end) * state.rowHeight}px`;
    if (first > 0) body.prepend(above);
    else above.remove();
    if (end < count) body.append(below);
    else below.remove();
  };

  /**
   * The rows from `from` to `to` in the page, and the spacers sized for the rest. Rows already
   * drawn stay as they are (never taken out and put back: a focused cell keeps its focus).
   */
  const show = (from: number, to: number) => {
    if (from === first && to === end && body.childElementCount > 0) return;
    const focused = document.activeElement;
    if (focused instanceof HTMLElement && body.contains(focused)) {
      const row = Number(focused.closest<HTMLElement>('tr[data-index]')?.dataset.index);
      if (row < from || row >= to) focused.blur();
    }
    const keptFrom = Math.max(from, first);
    const keptTo = Math.min(to, end);
    const kept = drawn.slice(keptFrom - first, Math.max(keptFrom, keptTo) - first);
    drawn.forEach((tr, k) => (first + k < keptFrom || first + k >= keptTo) && tr.remove());
    if (kept.length === 0) {
      drawn = range(from, to);
      body.replaceChildren(...drawn);
    } else {
      const before = range(from, keptFrom);
      const after = range(keptTo, to);
      kept[0].before(...before);
      kept[kept.length - 1].after(...after);
      drawn = [...before, ...kept, ...after];
    }
    first = from;
    end = to;
    spacers();
    const measured = drawn[0]?.getBoundingClientRect().height;
    if (measured && Math.abs(measured - state.rowHeight) > 0.5) {
      state.rowHeight = measured;
      spacers();
    }
  };

  /** The window around what the container shows now. */
  const inView = () => {
    const height = scroller.clientHeight;
    if (height === 0) return show(0, Math.min(count, UNSEEN));
    const top = Math.max(0, scroller.scrollTop - (table.tHead?.offsetHeight ?? 0));
    const from = Math.max(0, Math.floor(top / state.rowHeight) - OVERSCAN);
    const to = Math.min(count, Math.ceil((top + height) / state.rowHeight) + OVERSCAN);
    show(from, to);
  };

  let frame = 0;
  const onScroll = () => {
    if (scroller.clientHeight > 0) state.top = scroller.scrollTop;
    if (frame === 0) frame = requestAnimationFrame(() => ((frame = 0), inView()));
  };
  state.dispose = () => {
    scroller.removeEventListener('scroll', onScroll);
    cancelAnimationFrame(frame);
  };
  show(0, 0);
  scroller.scrollTop = state.top;
  scroller.addEventListener('scroll', onScroll, { passive: true });
  inView();

  return {
    reveal(i) {
      if (i < 0 || i >= count) return;
      // The row's top, under the header that stays in view, and its bottom.
      const head = table.tHead?.offsetHeight ?? 0;
      const top = i * state.rowHeight;
      const bottom = head + top + state.rowHeight;
      if (top < scroller.scrollTop) scroller.scrollTop = top;
      else if (bottom > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = bottom - scroller.clientHeight;
      inView();
      if (i < first || i >= end) show(Math.max(0, i - OVERSCAN), Math.min(count, i + OVERSCAN + 1));
    },
  };
}
