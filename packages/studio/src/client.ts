// The page's side of the protocol: one promise per request.
import type { Kind, Requests, Response } from './protocol.js';

export class Client {
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(private readonly worker: Worker) {
    worker.onmessage = (e: MessageEvent<Response>) => {
      const w = this.waiting.get(e.data.id);
      if (!w) return;
      this.waiting.delete(e.data.id);
      if (e.data.ok) w.resolve(e.data.res);
      else w.reject(new Error(e.data.error));
    };
  }

  call<K extends Kind>(kind: K, req: Requests[K]['req'], transfer: Transferable[] = []): Promise<Requests[K]['res']> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      try {
        this.worker.postMessage({ id, kind, req }, transfer);
      } catch (e) {
        // A request that cannot be copied to the worker (a value nested thousands deep) is not left waiting.
        this.waiting.delete(id);
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  }
}

export function startWorker(): Client {
  return new Client(new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }));
}
