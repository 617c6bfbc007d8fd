// The studio's own words, in both languages. Messages about a scheme or data come from the
// core's catalog (through the worker), in the same language.
import type { Lang } from '@assess/core';

const WORDS = {
  title: { zh: 'Assess 考核方案工作台', en: 'Assess Studio' },
  examples: { zh: '示例方案', en: 'Examples' },
  pickExample: { zh: '打开示例…', en: 'Open an example…' },
  format: { zh: '格式化', en: 'Format' },
  openData: { zh: '打开数据…', en: 'Open data…' },
  template: { zh: '下载填报模板', en: 'Download template' },
  share: { zh: '分享链接', en: 'Share link' },
  shareCopied: { zh: '链接已复制到剪贴板，并显示在地址栏', en: 'The link is in the address bar (and copied)' },
  shareTooLarge: { zh: '方案和数据太大，无法放进链接；请下载文件分享', en: 'Too large for a link: share the files instead' },
  shareBroken: { zh: '分享链接不完整或已损坏，无法打开；显示的是上次的内容', en: 'The share link is incomplete or damaged and cannot be opened: this is the last session' },
  language: { zh: 'English', en: '中文' },
  tabData: { zh: '数据', en: 'Data' },
  tabResults: { zh: '结果', en: 'Results' },
  tabExplain: { zh: '得分说明', en: 'Explanation' },
  tabExamples: { zh: '方案示例检验', en: 'Example blocks' },
  problems: { zh: '方案问题', en: 'Problems in the scheme' },
  noProblems: { zh: '方案没有问题', en: 'No problems in the scheme' },
  dataProblems: { zh: '数据问题', en: 'Problems in the data' },
  noData: { zh: '还没有数据：打开或拖入 CSV、JSON、XLSX 文件，或添加一行', en: 'No data yet: open or drop a CSV, JSON or XLSX file, or add a row' },
  addRow: { zh: '添加一行', en: 'Add a row' },
  findUnit: { zh: '查找单位（回车：下一个）', en: 'Find a unit (Enter: the next)' },
  noSuchUnit: { zh: '没有找到', en: 'not found' },
  deleteRow: { zh: '删除这一行', en: 'Delete this row' },
  staleResults: { zh: '方案有错误：这是改动前（无错误时）的结果', en: 'the scheme has errors: these are the results of its last version without errors' },
  fixSchemeFirst: { zh: '方案有错误，改正后才能读入数据', en: 'The scheme has errors: fix them to open data' },
  schemeHasErrors: { zh: '方案有错误，改正后才能计算', en: 'The scheme has errors: fix them to see results' },
  dataHasErrors: { zh: '数据有错误，改正后才能计算（见“数据”）', en: 'The data has errors: fix them to see results (see Data)' },
  units: { zh: (n: number) => `${n} 个单位`, en: (n: number) => `${n} units` },
  showItems: { zh: '显示各指标', en: 'Show every item' },
  downloadCsv: { zh: '下载 CSV', en: 'Download CSV' },
  downloadXlsx: { zh: '下载 XLSX', en: 'Download XLSX' },
  downloadJson: { zh: '下载 JSON', en: 'Download JSON' },
  clickUnit: { zh: '点击一个单位，查看每个分数的由来', en: 'Click a unit to read how each of its numbers came about' },
  noExamples: { zh: '方案中没有示例（示例 块）', en: 'The scheme has no example blocks' },
  passed: { zh: '通过', en: 'passed' },
  failed: { zh: '未通过', en: 'failed' },
  checks: { zh: (n: number) => `${n} 项检验`, en: (n: number) => `${n} checks` },
  somethingWrong: { zh: '出错了：', en: 'Something went wrong: ' },
  dropHere: { zh: '松开以读入文件', en: 'Drop to open the file' },
  line: { zh: (n: number) => `第 ${n} 行`, en: (n: number) => `line ${n}` },
  row: { zh: (n: number) => `第 ${n} 行`, en: (n: number) => `row ${n}` },
  checkedIn: { zh: (ms: string) => `检查用时 ${ms} 毫秒`, en: (ms: string) => `checked in ${ms} ms` },
} as const;

export type Word = keyof typeof WORDS;

export function words(lang: Lang) {
  return <W extends Word>(w: W): (typeof WORDS)[W]['zh'] => WORDS[w][lang] as (typeof WORDS)[W]['zh'];
}

/** The interface's language: the one chosen before, else Chinese when the browser prefers it. */
export function initialLang(stored: string | undefined): Lang {
  if (stored === 'zh' || stored === 'en') return stored;
  return (navigator.languages ?? [navigator.language]).some((l) => /^zh\b/i.test(l)) ? 'zh' : 'en';
}
