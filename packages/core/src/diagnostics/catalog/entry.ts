// The shape of a catalog entry: a severity, the message in both languages and an optional
// hint, each a function of the entry's own typed arguments.
import type { Text } from '../../common/text.js';

export type Severity = 'error' | 'warning';

export interface Entry<A> {
  severity: Severity;
  en(a: A): string;
  zh(a: A): string;
  hint?(a: A): Text | undefined;
}

type Body<A> = Omit<Entry<A>, 'severity'>;

// `NoArgs` codes take `{}`.
export type NoArgs = Record<string, never>;

export const error = <A = NoArgs>(e: Body<A>): Entry<A> => ({ severity: 'error', ...e });
export const warning = <A = NoArgs>(e: Body<A>): Entry<A> => ({ severity: 'warning', ...e });

/** `x` in backquotes, as messages quote code. */
export const q = (s: unknown) => `\`${s}\``;

/** The hint "did you mean `x`?" in both languages. */
export const didYouMean = (s: string): Text => ({ en: `did you mean ${q(s)}?`, zh: `是不是要写 ${q(s)}？` });
