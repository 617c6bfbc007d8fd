// E05xx and W05xx: the submitted data does not fit the scheme's input block.
import type { Text } from '../../common/text.js';
import { error, q, warning } from './entry.js';

/** What is wrong with the shape of a data file as a whole. */
export type FileProblem =
  | { k: 'notRecord'; row: number }
  | { k: 'badJson' }
  | { k: 'notList' }
  /** `{"units": […], "units": […]}`: which list is meant? */
  | { k: 'unitsTwice' }
  /** A line of a JSON-lines file (.jsonl) that is not JSON. */
  | { k: 'badJsonLine'; line: number }
  /** A CSV file the CSV reader cannot read past this line (an unclosed quote, …). */
  | { k: 'badCsv'; line: number }
  /** A row of a workbook's list sheet (entries keyed by unit id) whose unit is not on the data sheet. */
  | { k: 'entryWithoutUnit'; sheet: string; row: number; id: string }
  /** A workbook's list sheet with no column for the unit's id. */
  | { k: 'sheetWithoutId'; sheet: string }
  /** A data file that is not an .xlsx workbook that can be read (or is too large to read). */
  | { k: 'badWorkbook'; limitMB: number; unpackedMB: number }
  /** A workbook without the sheet asked for. */
  | { k: 'noSheet'; sheet: string };

function fileProblem(a: FileProblem): Text {
  switch (a.k) {
    case 'notRecord':
      return { en: `unit #${a.row} is not a record`, zh: `第 ${a.row} 个单位不是记录` };
    case 'badJson':
      return { en: 'the data file is not valid JSON', zh: '数据文件不是有效的 JSON' };
    case 'notList':
      return { en: 'the data file must be a list of units or `{ "units": [ … ] }`', zh: '数据文件应为单位列表或 `{ "units": [ … ] }`' };
    case 'unitsTwice':
      return { en: 'the data file has `units` twice: keep the one list of units meant', zh: '数据文件中 `units` 出现了两次：只保留要计算的那一个单位列表' };
    case 'badJsonLine':
      return { en: `line ${a.line} of the data file is not valid JSON`, zh: `数据文件第 ${a.line} 行不是有效的 JSON` };
    case 'badCsv':
      return { en: `the data file is not valid CSV (from line ${a.line})`, zh: `数据文件不是有效的 CSV（自第 ${a.line} 行起）` };
    case 'entryWithoutUnit':
      return { en: `row ${a.row} of sheet ${q(a.sheet)} is for unit ${q(a.id)}, which the data sheet does not list`, zh: `工作表 ${q(a.sheet)} 第 ${a.row} 行属于单位 ${q(a.id)}，但数据表中没有该单位` };
    case 'badWorkbook':
      return { en: `the data file is not an .xlsx workbook that can be read (at most ${a.limitMB} MB, ${a.unpackedMB} MB unpacked)`, zh: `数据文件不是可以读取的 .xlsx 工作簿（不超过 ${a.limitMB} MB，解压后不超过 ${a.unpackedMB} MB）` };
    case 'noSheet':
      return { en: `the workbook has no sheet ${q(a.sheet)}`, zh: `工作簿中没有工作表 ${q(a.sheet)}` };
    case 'sheetWithoutId':
      return { en: `sheet ${q(a.sheet)} has no column for the unit (id, 单位 or 单位名称) in its first row`, zh: `工作表 ${q(a.sheet)} 的第一行没有单位列（id、单位或单位名称）` };
  }
}

export const data = {
  E0501: error<{ unit: string; field: string; expected: Text; found: Text }>({
    en: (a) => `unit ${q(a.unit)}, field ${q(a.field)}: expected ${a.expected.en}, found ${a.found.en}`,
    zh: (a) => `单位 ${q(a.unit)} 的 ${q(a.field)}：应为${a.expected.zh}，实际是 ${a.found.zh}`,
  }),
  E0502: error<{ unit: string; field: string; expected: Text }>({
    en: (a) => `unit ${q(a.unit)} has no value for ${q(a.field)} (expected ${a.expected.en})`,
    zh: (a) => `单位 ${q(a.unit)} 缺少 ${q(a.field)}（应为${a.expected.zh}）`,
    hint: () => ({ en: 'fill it in, or declare the field `optional` in the scheme', zh: '请补填，或在方案中将该字段声明为 `可选`' }),
  }),
  E0503: error<{ id: string; first: number; row: number }>({
    en: (a) => `two units have the id ${q(a.id)} (#${a.first} and #${a.row})`,
    zh: (a) => `有两个单位的编号都是 ${q(a.id)}（#${a.first} 与 #${a.row}）`,
    hint: () => ({ en: 'every unit needs its own id', zh: '每个单位的编号必须唯一' }),
  }),
  E0504: error<{ row: number }>({
    en: (a) => `unit #${a.row} has no \`id\``,
    zh: (a) => `第 ${a.row} 个单位缺少 \`id\``,
  }),
  E0505: error<FileProblem>({
    en: (a) => fileProblem(a).en,
    zh: (a) => fileProblem(a).zh,
  }),
  E0507: error<{ count: number; limit: number }>({
    en: (a) => `too many units (${a.count}; the limit is ${a.limit})`,
    zh: (a) => `单位过多（${a.count} 个，上限 ${a.limit}）`,
  }),
  W0501: warning<{ field: string; unit: string }>({
    en: (a) => `the data has a field ${q(a.field)} that the scheme does not declare (first seen in unit ${q(a.unit)}); it is ignored`,
    zh: (a) => `数据中有方案未声明的字段 ${q(a.field)}（首见于单位 ${q(a.unit)}），已忽略`,
  }),
  W0502: warning<{ field: string; unit: string; found: string; asPercent: string }>({
    en: (a) => `every value of ${q(a.field)} is between 0 and 1, so each is read as less than 1% (unit ${q(a.unit)}: ${a.found} is ${a.found}%)`,
    zh: (a) => `${q(a.field)} 的值都在 0 到 1 之间，都会被读作不到 1%（单位 ${q(a.unit)}：${a.found} 即 ${a.found}%）`,
    hint: (a) => ({ en: `a percentage is written as 85 or "85%": if ${a.found} means ${a.asPercent}%, write ${a.asPercent}`, zh: `百分比按 85 或 "85%" 填写：若 ${a.found} 指 ${a.asPercent}%，请填 ${a.asPercent}` }),
  }),
};
