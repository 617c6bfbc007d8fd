// Types of the module compiled from "2024年度新一轮农村实事工程考核（镇、区）" by `assess compile`.
import type { Scoring, Diagnostic, UnitResult as RuntimeUnitResult, UnitTable } from "@assess/runtime";

/** One unit's data, as a JSON data file gives it. */
export interface Row {
  /** The unit's id. */
  id: string | number;
  /** "建立健全组织领导和工作体系，且运转正常" */
  "组织体系": boolean | number | string;
  /** "年度目标任务明确，分解到位并积极组织开展活动" */
  "目标分解": boolean | number | string;
  /** "进展情况、资金投入情况、年终总结等材料少报次数" */
  "少报次数": number | string;
  /** "各牵头责任部门定量考核得分（按各部门细则打分后汇总）" */
  "部门得分": number | string;
  "荣誉": Array<{
    /** "新一轮农村实事项目" */
    "项目": string | number;
    "级别": "区级" | "市级" | "省级" | "国家级";
    /** "荣誉证书、文件或会议材料的年度" */
    "年度": number | string;
    /** "荣誉证书、相关文件或会议材料" */
    "佐证"?: string | number | null;
  }>;
}

/** A unit's result, as the interpreter gives it. */
export type UnitResult = RuntimeUnitResult<object, Diagnostic> & { grade: "优秀" | "良好" | "合格" | "不合格" | null };

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
