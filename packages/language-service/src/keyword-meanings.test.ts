import { KEYWORDS } from '@assess/core';
import { expect, it } from 'vitest';
import { KEYWORD_MEANINGS_ZH } from './keyword-meanings.js';

it('every keyword has a Chinese meaning for hover, and no meaning is left over', () => {
  expect(Object.keys(KEYWORD_MEANINGS_ZH).sort()).toEqual(KEYWORDS.map((k) => k.name).sort());
});
