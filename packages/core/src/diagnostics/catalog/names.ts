// E01xx: a name, label or member that does not resolve.
import type { Text } from '../../common/text.js';
import { didYouMean, error, q, type NoArgs } from './entry.js';

export const names = {
  E0101: error<{ name: string; suggestion?: string; split?: string }>({
    en: (a) => `unknown name ${q(a.name)}`,
    zh: (a) => `未定义的名称 ${q(a.name)}`,
    hint: (a) =>
      a.split
        ? { en: `${q(a.name)} reads as one name; put spaces between keywords and names: ${q(a.split)}`, zh: `${q(a.name)} 被当成了一个名称；关键字与名称之间请加空格：${q(a.split)}` }
        : a.suggestion
          ? didYouMean(a.suggestion)
          : undefined,
  }),
  E0102: error<{ name: string; enumName: string; members: string[]; suggestion?: string }>({
    en: (a) => `${q(a.name)} is not a member of ${q(a.enumName)}`,
    zh: (a) => `${q(a.name)} 不是 ${q(a.enumName)} 的取值`,
    hint: (a) => {
      const m = a.members.join(', ');
      return a.suggestion
        ? { en: `did you mean ${q(a.suggestion)}? the members are ${m}`, zh: `是不是要写 ${q(a.suggestion)}？可选值为 ${m}` }
        : { en: `the members are ${m}`, zh: `可选值为 ${m}` };
    },
  }),
  E0103: error<{ of: { k: 'value'; name: string } | { k: 'entries'; fields: string[] }; field: string; suggestion?: string }>({
    en: (a) => (a.of.k === 'value' ? `${q(a.of.name)} has no field ${q(a.field)}` : `the entries have no field ${q(a.field)} (they have ${a.of.fields.map(q).join(', ')})`),
    zh: (a) => (a.of.k === 'value' ? `${q(a.of.name)} 没有字段 ${q(a.field)}` : `列表条目没有字段 ${q(a.field)}（现有字段：${a.of.fields.map(q).join(', ')}）`),
    hint: (a) => (a.suggestion ? didYouMean(a.suggestion) : undefined),
  }),
  E0104: error<{ name: string; cycle: string }>({
    en: (a) => `${q(a.name)} is defined in terms of itself: ${a.cycle}`,
    zh: (a) => `${q(a.name)} 的定义引用了自身：${a.cycle}`,
  }),
  E0113: error<{ cycle: Text; first: Text }>({
    en: (a) => `${a.first.en} depends on its own score: ${a.cycle.en}`,
    zh: (a) => `${a.first.zh} 的得分依赖于它自身：${a.cycle.zh}`,
    hint: () => ({ en: 'a score may read other items, sections, bonuses and the total only when they do not read it back; the total is read in `adjust`, vetoes and grade lines', zh: '得分只能引用不反过来引用它的指标、小节、加分和总分；总分可在 `调整`、否决和等级条件中使用' }),
  }),
  E0114: error<{ what: Text; read: string }>({
    en: (a) => `${a.what.en} cannot read scores (${a.read}): who is assessed, and in which group, is settled before anything is scored`,
    zh: (a) => `${a.what.zh} 不能使用得分（${a.read}）：参评与分组要先于计分确定`,
    hint: () => ({ en: 'use the unit’s own inputs here', zh: '此处请只用本单位自己的数据' }),
  }),
  E0105: error<{ what: Text; label: string; suggestion?: string }>({
    en: (a) => `no ${a.what.en} is labelled "${a.label}"`,
    zh: (a) => `没有名为 "${a.label}" 的${a.what.zh}`,
    hint: (a) => (a.suggestion ? didYouMean(a.suggestion) : undefined),
  }),
  E0106: error<{ name: string; suggestion?: string }>({
    en: (a) => `the tier ${q(a.name)} does not fit any input`,
    zh: (a) => `档次 ${q(a.name)} 找不到对应的输入`,
    hint: (a) => (a.suggestion ? didYouMean(a.suggestion) : { en: 'name the list or field first: `honors, city 3, province 6`', zh: '请先写出列表或字段：`荣誉, 市级 3, 省级 6`' }),
  }),
  E0107: error<{ candidates: string[]; first: string }>({
    en: (a) => `the tiers fit more than one input (${a.candidates.join(', ')})`,
    zh: (a) => `这些档次可对应多个输入（${a.candidates.join(', ')}）`,
    hint: (a) => ({ en: `name the one you mean first: \`${a.first}, …\``, zh: `请先写出要用的那个：\`${a.first}, …\`` }),
  }),
  E0109: error<{ name: string; suggestion?: string }>({
    en: (a) => `unknown type ${q(a.name)}`,
    zh: (a) => `未知的类型 ${q(a.name)}`,
    hint: (a) =>
      a.suggestion
        ? didYouMean(a.suggestion)
        : { en: 'a type is one of yes/no, count, integer, number, a..b, percent, text, grade, `a | b`, list of { … }', zh: '类型可以是 是否、次数、整数、数值、a..b、百分比、文本、等级、`甲 | 乙`、列表 { … }' },
  }),
  E0110: error<NoArgs>({
    en: () => 'this example has several units: say which one, `expect "name" total = …`',
    zh: () => '该示例有多个单位，请写明是哪一个：`预期 "名称" 总分 = …`',
  }),
};
