// Numbers as drafters write them: `1.5亿`, `5000万`, `40%`, `-3`.

/** A number as written → its exact value as canonical decimal text: `1.5亿` → `150000000`, `40%` → `0.4`. */
export function numberValue(text: string): string {
  let t = text;
  let shift = 0;
  if (t.endsWith('%')) {
    shift -= 2;
    t = t.slice(0, -1);
  }
  if (t.endsWith('万')) {
    shift += 4;
    t = t.slice(0, -1);
  } else if (t.endsWith('亿')) {
    shift += 8;
    t = t.slice(0, -1);
  }
  const neg = t.startsWith('-');
  if (neg) t = t.slice(1);
  const [int, frac = ''] = t.split('.');
  let digits = int + frac;
  let point = int.length + shift;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits = digits + '0'.repeat(point - digits.length);
  const i = digits.slice(0, point).replace(/^0+/, '') || '0';
  const f = digits.slice(point).replace(/0+$/, '');
  const out = f ? `${i}.${f}` : i;
  return neg && out !== '0' ? `-${out}` : out;
}

/** Text that reads as a number in data: `12`, `-1.5`, `1,200`, `5000万`, `85%`. */
export const NUMBER_TEXT = /^-?\d+(\.\d+)?(万|亿)?%?$/;
