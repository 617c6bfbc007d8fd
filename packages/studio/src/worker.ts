// The studio's Web Worker: the engine behind the message protocol. Requests are answered in
// the order they come. The page starts two: the editor's (it sends the scheme again only when
// the previous check is done, so typing never waits for checking) and the data's.
import { Engine } from './engine.js';
import type { Kind, Request, Requests, Response } from './protocol.js';

const engine = new Engine();

type Handlers = { [K in Kind]: (req: Requests[K]['req']) => Requests[K]['res'] | Promise<Requests[K]['res']> };
const handlers: Handlers = {
  setLang: (r) => engine.setLang(r.lang),
  preload: async () => {
    await import('./sheets.js');
    return null;
  },
  scheme: (r) => engine.scheme(r),
  check: (r) => engine.check(r),
  completion: (r) => engine.completion(r),
  hover: (r) => engine.hover(r),
  format: () => engine.format(),
  readData: (r) => engine.readData(r),
  run: (r) => engine.run(r),
  explain: (r) => engine.explain(r),
  template: () => engine.template(),
  resultsXlsx: () => engine.resultsXlsx(),
  resultsCsv: () => engine.resultsCsv(),
  resultsJson: () => engine.resultsJson(),
};

/** A failed request's answer: what went wrong, in words. */
const failed = (id: number, err: unknown): Response => ({ id, ok: false, error: err instanceof Error ? err.message : String(err) });

self.onmessage = async (e: MessageEvent<Request>) => {
  const { id, kind, req } = e.data;
  let answer: Response;
  try {
    answer = { id, ok: true, res: await (handlers[kind] as (r: unknown) => unknown)(req) };
  } catch (err) {
    answer = failed(id, err);
  }
  const buffer = answer.ok && answer.res instanceof ArrayBuffer ? [answer.res] : [];
  try {
    (self as unknown as Worker).postMessage(answer, buffer);
  } catch (err) {
    // An answer that cannot be copied to the page (rows nested thousands deep) is answered as an error.
    (self as unknown as Worker).postMessage(failed(id, err));
  }
};
