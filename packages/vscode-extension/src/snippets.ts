// The extension's snippet file, from the language service's snippet table: each snippet in
// both keyword languages (`section` and `小节`).
import { SNIPPETS } from '@assess/language-service';

export function snippetFile(): Record<string, { prefix: string; body: string[]; description: string }> {
  const out: Record<string, { prefix: string; body: string[]; description: string }> = {};
  for (const s of SNIPPETS) {
    for (const lang of ['en', 'zh'] as const) {
      out[`${s.id} (${lang})`] = { prefix: s.prefix[lang], body: s.body[lang].split('\n'), description: s.description[lang] };
    }
  }
  return out;
}
