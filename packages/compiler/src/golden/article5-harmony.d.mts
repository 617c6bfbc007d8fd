// Types of the module compiled from "和谐城乡建设行动考核" by `assess compile`.
import type { Scoring, Diagnostic, UnitResult as RuntimeUnitResult, UnitTable } from "@assess/runtime";

/** One unit's data, as a JSON data file gives it. */
export interface Row {
  /** The unit's id. */
  id: string | number;
  /** The unit's kind. */
  unit: "城市" | "乡镇" | "村庄";
  "城镇化率": number | string;
  "上年城镇化率": number | string;
  /** "城镇污水集中处理率" */
  "污水处理率": number | string;
  "上年污水处理率": number | string;
  /** "平方米" */
  "人均公园绿地面积": number | string;
  "上年人均公园绿地面积": number | string;
  /** "吨标准煤／万元，越低越好" */
  "万元GDP能耗": number | string;
  "上年万元GDP能耗": number | string;
  "查实虚报": Array<{
    "虚报指标": "城镇化" | "污水处理" | "公园绿地" | "节能";
  }>;
  "成立领导小组": boolean | number | string;
  "专人负责": boolean | number | string;
  /** "随机抽查发现的问题数" */
  "抽查问题数": number | string;
  "出台配套政策": boolean | number | string;
  /** "和谐村庄（社区）建设成效，县领导小组办公室评分" */
  "建设成效评分": number | string;
  "健康度满意率": number | string;
  "舒适度满意率": number | string;
  "便捷度满意率": number | string;
  "安全度满意率": number | string;
}

/** A unit's result, as the interpreter gives it. */
export type UnitResult = RuntimeUnitResult<object, Diagnostic> & { grade: string | null };

export interface ScoreOptions {
  /** Record traces: for every unit (true), or for the units this picks. */
  trace?: boolean | ((unit: number) => boolean);
  /** The data file's name, for the spans of data diagnostics. */
  file?: string;
  /** false: leave every place null, for the caller to work out, and grades that read places ungiven until it gives them (`Scoring.grading`). */
  places?: false;
}

/** The input block, as the runtime's validator reads it. */
export declare const inputs: { inputs: object[]; unitKinds: string[]; gradeLabels: string[] };

/** Validate the rows, then score every unit; with data errors nothing is scored (see `diagnostics`). */
export declare function score(rows: readonly Row[], options?: ScoreOptions): Scoring<UnitResult>;

/** Score a table already validated by @assess/runtime. */
export declare function scoreTable(table: UnitTable, options?: ScoreOptions): Scoring<UnitResult>;
