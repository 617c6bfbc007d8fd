// The language's types: what an expression can be (a yes/no, a number with its static range,
// a choice, a list of records, …) and how a message names each. The checker gives every
// expression one; each rule kind (rules/) checks with them.
import type * as A from '../ast/ast.js';
import { Decimal } from '../common/decimal.js';
import { Interval } from '../common/interval.js';
import type { Text } from '../common/text.js';
import type { Span } from '../diagnostics/diagnostic.js';

export type Ty =
  | { k: 'bool' }
  | { k: 'num'; range: Interval; int?: boolean }
  | { k: 'text' }
  | { k: 'enum'; name: string; members: string[] }
  /** A bare enum member (`city`), typed by what it is compared with. */
  | { k: 'member'; name: string }
  | { k: 'grade' }
  | { k: 'unitKind'; members: string[] }
  | { k: 'list'; elem: Ty }
  | { k: 'record'; fields: Map<string, FieldInfo> }
  /** The alias of an imported scheme (`agri` in `agri.total`). */
  | { k: 'scheme'; alias: string }
  | { k: 'error' };

/** A declared input, or a field of a list's entries. */
export interface FieldInfo {
  name: string;
  label?: string;
  type: Ty;
  /** The declared type, for data validation. */
  decl: A.TypeExpr;
  optional: boolean;
  /** The name as written. */
  span: Span;
  /** The whole declaration. */
  declSpan: Span;
}

export const NUM_ANY: Ty = { k: 'num', range: Interval.ANY };
export const ERR: Ty = { k: 'error' };
export const BOOL: Ty = { k: 'bool' };
export const COUNT: Ty = { k: 'num', range: new Interval(Decimal.ZERO, null), int: true };

/** A declared input type, as a drafter writes it. */
export function describeDecl(t: A.TypeExpr): Text {
  const en: Record<A.TypeExpr['kind'], string> = { YesNoType: 'yes/no', CountType: 'count', IntegerType: 'integer', NumberType: 'number', PercentType: 'percent', TextType: 'text', GradeType: 'grade', EnumType: 'a choice', ListType: 'a list' };
  const zh: Record<A.TypeExpr['kind'], string> = { YesNoType: '是否', CountType: '次数', IntegerType: '整数', NumberType: '数值', PercentType: '百分比', TextType: '文本', GradeType: '等级', EnumType: '枚举', ListType: '列表' };
  return { en: en[t.kind], zh: zh[t.kind] };
}

/** A type as a message names it: "a yes/no" / "是否值". */
export function describeTy(t: Ty): Text {
  switch (t.k) {
    case 'bool':
      return { en: 'a yes/no', zh: '是否值' };
    case 'num':
      return { en: 'a number', zh: '数值' };
    case 'text':
      return { en: 'text', zh: '文本' };
    case 'enum':
      return { en: `one of ${t.members.join(' | ')}`, zh: `枚举值（${t.members.join(' | ')}）` };
    case 'member':
      return { en: `the member \`${t.name}\``, zh: `枚举值 \`${t.name}\`` };
    case 'grade':
      return { en: 'a grade', zh: '等级' };
    case 'unitKind':
      return { en: 'a unit kind', zh: '单位类型' };
    case 'list':
      return { en: 'a list', zh: '列表' };
    case 'record':
      return { en: 'a record', zh: '记录' };
    case 'scheme':
      return { en: 'an imported scheme', zh: '引用的方案' };
    default:
      return { en: 'unknown', zh: '未知' };
  }
}

/** What a name refers to. */
export type Ref =
  | { k: 'input'; field: FieldInfo }
  | { k: 'let'; let: A.Let }
  | { k: 'member'; name: string }
  | { k: 'field'; field: FieldInfo }
  | { k: 'import'; alias: string };

/** What holding an item's raw value within 0..M can never change, as its static range shows. */
export interface Proved {
  notBelowZero?: true;
  atMostMax?: true;
}

/** The static range of a score. */
export interface ScoreRange {
  low: Decimal;
  /** None for a penalty without a limit. */
  high: Decimal | null;
}
