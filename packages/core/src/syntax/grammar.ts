// The grammar (Chevrotain). Private to the syntax pass: the rest of the toolchain sees the
// typed syntax tree of tree.ts, never the parser.
//
// Rules are written as a head followed by comma-separated clauses
// (`deduct 1 per x, max 5`, `honors with evidence, best per project, city 3, cap 10 prorata`);
// which clause may follow which head is checked when the AST is built, where the message
// can be specific.
import { CstParser, EMPTY_ALT, type IParserErrorMessageProvider, type TokenType } from 'chevrotain';
import * as T from './lexer.js';
import { kw } from './lexer.js';

const K = kw;

/** A message provider that keeps the facts (expected / found) as data for our own diagnostics. */
const messageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, actual }) => JSON.stringify({ expected: [expected.name], found: actual.image, foundType: actual.tokenType.name }),
  buildNotAllInputParsedMessage: ({ firstRedundant }) => JSON.stringify({ expected: ['EOF'], found: firstRedundant.image, foundType: firstRedundant.tokenType.name }),
  buildNoViableAltMessage: ({ expectedPathsPerAlt, actual }) =>
    JSON.stringify({ expected: firstTokens(expectedPathsPerAlt.flat()), found: actual[0].image, foundType: actual[0].tokenType.name }),
  buildEarlyExitMessage: ({ expectedIterationPaths, actual }) =>
    JSON.stringify({ expected: firstTokens(expectedIterationPaths), found: actual[0].image, foundType: actual[0].tokenType.name }),
};

function firstTokens(paths: TokenType[][]): string[] {
  return [...new Set(paths.map((p) => p[0]?.name).filter((n): n is string => !!n))];
}

export class AssessParser extends CstParser {
  /**
   * `validate`: check the grammar as it is analysed (ambiguities, left recursion…; it throws on
   * any). The parser every command uses skips that (a sixth of its start-up); a test of the
   * syntax folder builds one that checks.
   */
  constructor(validate = false) {
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 3, errorMessageProvider: messageProvider, nodeLocationTracking: 'onlyOffset', skipValidations: !validate });
    this.performSelfAnalysis();
  }

  /** At `deduct 1, 2, 4 per`: a per-occurrence deduction (not `deduct 1 if …`). */
  private perDeduction(): boolean {
    if (this.LA(1).tokenType !== K.Deduct) return false;
    let k = 2;
    while (this.LA(k).tokenType === T.NumberLit && this.LA(k + 1).tokenType === T.Comma) k += 2;
    return this.LA(k).tokenType === T.NumberLit && this.LA(k + 1).tokenType === K.Per;
  }

  /**
   * At `item "x" max 5 …` (a declaration, as when a `{` before it was never closed), not at a
   * points line reading a score (`item "x" * 0.5 if …`).
   */
  private declarationAhead(): boolean {
    const t = this.LA(1).tokenType;
    if (t !== K.Item && t !== K.Section && t !== K.Bonus && t !== K.Penalty) return false;
    const after = this.LA(3).tokenType;
    return this.LA(2).tokenType === T.StringLit && (after === K.Max || after === K.Weight || after === T.Colon || after === T.LBrace);
  }

  /** A block line that is a modifier (`cap`, `round`, `void if`, `not applicable if`), not points. */
  private modifierAhead(): boolean {
    const t = this.LA(1).tokenType;
    return t === K.Cap || t === K.Void || t === K.NotApplicable || (t === K.Round && this.LA(2).tokenType === T.NumberLit);
  }

  // ── file structure ───────────────────────────────────────────────
  public scheme = this.RULE('scheme', () => {
    this.OPTION(() => this.SUBRULE(this.header));
    this.MANY(() => this.SUBRULE(this.declaration));
  });

  public header = this.RULE('header', () => {
    this.CONSUME(K.Scheme);
    this.CONSUME(T.StringLit);
    this.CONSUME(K.Total);
    this.CONSUME(T.NumberLit);
    this.MANY(() =>
      this.OR([
        {
          ALT: () => {
            this.CONSUME(K.Precision);
            this.CONSUME2(T.NumberLit);
            this.OPTION(() => this.CONSUME(K.TotalOnly));
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.Floor);
            this.SUBRULE(this.signedNumber);
          },
        },
      ]),
    );
  });

  public declaration = this.RULE('declaration', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.useDecl) },
      { ALT: () => this.SUBRULE(this.unitDecl) },
      { ALT: () => this.SUBRULE(this.inputBlock) },
      { ALT: () => this.SUBRULE(this.letDecl) },
      { ALT: () => this.SUBRULE(this.section) },
      { ALT: () => this.SUBRULE(this.item) },
      { ALT: () => this.SUBRULE(this.bonus) },
      { ALT: () => this.SUBRULE(this.penalty) },
      { ALT: () => this.SUBRULE(this.veto) },
      { ALT: () => this.SUBRULE(this.gradeBlock) },
      { ALT: () => this.SUBRULE(this.adjust) },
      { ALT: () => this.SUBRULE(this.example) },
      { ALT: () => this.SUBRULE(this.eligibleDecl) },
      { ALT: () => this.SUBRULE(this.withinDecl) },
      { ALT: () => this.SUBRULE(this.placeDecl) },
    ]);
  });

  /** eligible if C — who is assessed (参评条件 若 …). */
  private eligibleDecl = this.RULE('eligibleDecl', () => {
    this.CONSUME(K.Eligible);
    this.CONSUME(K.If);
    this.SUBRULE(this.expression);
  });

  /** within X — cohort rules and places run within the groups of X (分组 级别). */
  private withinDecl = this.RULE('withinDecl', () => {
    this.CONSUME(K.Within);
    this.SUBRULE(this.expression);
  });

  /** place: vetoed last, ineligible unplaced — how units outside the ranking are placed. */
  private placeDecl = this.RULE('placeDecl', () => {
    this.CONSUME(K.Place);
    this.CONSUME(T.Colon);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.placeRule) });
  });

  private placeRule = this.RULE('placeRule', () => {
    this.OR([{ ALT: () => this.CONSUME(K.Veto) }, { ALT: () => this.CONSUME(K.Ineligible) }]);
    this.OR2([{ ALT: () => this.CONSUME(K.Last) }, { ALT: () => this.CONSUME(K.Unplaced) }]);
  });

  private useDecl = this.RULE('useDecl', () => {
    this.CONSUME(K.Use);
    this.CONSUME(T.StringLit);
    this.CONSUME(K.As);
    this.CONSUME(T.Identifier);
  });

  private unitDecl = this.RULE('unitDecl', () => {
    this.CONSUME(K.Unit);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.unitKind) });
  });

  private unitKind = this.RULE('unitKind', () => {
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.CONSUME(T.StringLit));
  });

  // ── input ─────────────────────────────────────────────────────────
  private inputBlock = this.RULE('inputBlock', () => {
    this.CONSUME(K.Input);
    this.SUBRULE(this.fieldList);
  });

  private fieldList = this.RULE('fieldList', () => {
    this.CONSUME(T.LBrace);
    this.MANY(() => {
      this.SUBRULE(this.field);
      this.OPTION(() => this.CONSUME(T.Comma));
    });
    this.CONSUME(T.RBrace);
  });

  private field = this.RULE('field', () => {
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.type);
    this.OPTION(() => this.CONSUME(T.StringLit));
    this.OPTION2(() => this.CONSUME(K.Optional));
  });

  private type = this.RULE('type', () => {
    this.OR([
      { ALT: () => this.CONSUME(K.YesNoType) },
      { ALT: () => this.CONSUME(K.Count) },
      { ALT: () => this.CONSUME(K.PercentType) },
      { ALT: () => this.CONSUME(K.TextType) },
      { ALT: () => this.CONSUME(K.Grade) },
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(K.IntegerType) }, { ALT: () => this.CONSUME(K.NumberType) }]);
          this.OPTION(() => this.SUBRULE(this.range));
        },
      },
      { ALT: () => this.SUBRULE2(this.range) },
      {
        ALT: () => {
          this.CONSUME(T.Identifier);
          this.MANY(() => {
            this.CONSUME(T.Pipe);
            this.CONSUME2(T.Identifier);
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.List);
          this.OPTION2(() => this.CONSUME(K.Of));
          this.SUBRULE(this.fieldList);
        },
      },
    ]);
  });

  private range = this.RULE('range', () => {
    this.SUBRULE(this.signedNumber);
    this.CONSUME(T.DotDot);
    this.SUBRULE2(this.signedNumber);
  });

  private signedNumber = this.RULE('signedNumber', () => {
    this.OPTION(() => this.CONSUME(T.Minus));
    this.CONSUME(T.NumberLit);
  });

  // ── scoring ───────────────────────────────────────────────────────
  private letDecl = this.RULE('letDecl', () => {
    this.CONSUME(K.Let);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
  });

  private section = this.RULE('section', () => {
    this.CONSUME(K.Section);
    this.CONSUME(T.StringLit);
    this.MANY(() =>
      this.OR([
        {
          ALT: () => {
            this.CONSUME(K.Max);
            this.CONSUME(T.NumberLit);
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.Weight);
            this.CONSUME2(T.NumberLit);
          },
        },
      ]),
    );
    this.CONSUME(T.LBrace);
    this.MANY2(() => this.OR2([{ ALT: () => this.SUBRULE(this.item) }, { ALT: () => this.SUBRULE(this.letDecl) }, { ALT: () => this.SUBRULE(this.section) }]));
    this.CONSUME(T.RBrace);
  });

  private item = this.RULE('item', () => {
    this.CONSUME(K.Item);
    this.CONSUME(T.StringLit);
    this.OPTION(() => {
      this.CONSUME(K.Max);
      this.CONSUME(T.NumberLit);
    });
    this.SUBRULE(this.itemBody);
  });

  private bonus = this.RULE('bonus', () => {
    this.CONSUME(K.Bonus);
    this.CONSUME(T.StringLit);
    this.OPTION(() => {
      this.CONSUME(K.Max);
      this.CONSUME(T.NumberLit);
    });
    this.SUBRULE(this.itemBody);
  });

  /** penalty "通报批评" [max N]: rule — points off the total (减分项). */
  private penalty = this.RULE('penalty', () => {
    this.CONSUME(K.Penalty);
    this.CONSUME(T.StringLit);
    this.OPTION(() => {
      this.CONSUME(K.Max);
      this.CONSUME(T.NumberLit);
    });
    this.SUBRULE(this.itemBody);
  });

  private itemBody = this.RULE('itemBody', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Colon);
          this.SUBRULE(this.rule);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LBrace);
          this.MANY({
            // A declaration ends the block (its `}` is missing): the error is the missing `}`.
            GATE: () => !this.declarationAhead(),
            DEF: () => {
              this.SUBRULE(this.blockLine);
              this.OPTION(() => this.CONSUME(T.Comma));
            },
          });
          this.CONSUME(T.RBrace);
        },
      },
    ]);
  });

  /** One line of a `{ … }` item: `2 if x`, `deduct 1 if y`, `void if z`, `cap 10`, `round 2`. */
  private blockLine = this.RULE('blockLine', () => {
    this.OR([
      // deduct 1, 2, 4 per X [, max D] — per occurrence (progressive when several amounts)
      { GATE: () => this.perDeduction(), ALT: () => this.SUBRULE(this.deductPer) },
      // per X deduct 1 [, max D]  (每 X 扣 1)
      { ALT: () => this.SUBRULE(this.perDeduct) },
      // [deduct] points if condition; the points may be any expression
      {
        GATE: () => !this.modifierAhead() && !this.declarationAhead(),
        ALT: () => {
          this.OPTION(() => this.CONSUME(K.Deduct));
          this.SUBRULE(this.expression);
          this.CONSUME(K.If);
          this.SUBRULE2(this.expression);
        },
      },
      { ALT: () => this.SUBRULE(this.modifier) },
    ]);
  });

  /** `deduct 1, 2, 4 per X [, max D]`. */
  private deductPer = this.RULE('deductPer', () => {
    this.CONSUME(K.Deduct);
    this.SUBRULE(this.amounts);
    this.CONSUME(K.Per);
    this.SUBRULE(this.expression);
    this.OPTION({ GATE: () => this.LA(2).tokenType === K.Max, DEF: () => this.SUBRULE(this.deductionMax) });
  });

  /** `per X deduct 1, 2, 4 [, max D]` (每 X 扣 1、2、4). */
  private perDeduct = this.RULE('perDeduct', () => {
    this.CONSUME(K.Per);
    this.SUBRULE(this.expression);
    this.CONSUME(K.Deduct);
    this.SUBRULE(this.amounts);
    this.OPTION({ GATE: () => this.LA(2).tokenType === K.Max, DEF: () => this.SUBRULE(this.deductionMax) });
  });

  /** 1 or 1, 2, 4: the amount of each occurrence (the last one repeats). */
  private amounts = this.RULE('amounts', () => {
    this.CONSUME(T.NumberLit);
    this.MANY({ GATE: () => this.LA(2).tokenType === T.NumberLit, DEF: () => {
      this.CONSUME(T.Comma);
      this.CONSUME2(T.NumberLit);
    } });
  });

  private deductionMax = this.RULE('deductionMax', () => {
    this.CONSUME(T.Comma);
    this.CONSUME(K.Max);
    this.CONSUME(T.NumberLit);
  });

  /** A rule: a head, then comma-separated clauses. */
  private rule = this.RULE('rule', () => {
    this.SUBRULE(this.ruleHead);
    this.MANY(() => {
      this.OPTION(() => this.CONSUME(T.Comma));
      this.SUBRULE(this.clause);
    });
  });

  private ruleHead = this.RULE('ruleHead', () => {
    this.OR([
      // deduct K per X   |   deduct 1, 2, 4 per X
      {
        ALT: () => {
          this.CONSUME(K.Deduct);
          this.SUBRULE(this.amounts);
          this.CONSUME(K.Per);
          this.SUBRULE(this.expression);
        },
      },
      // per X deduct K  (每 少报次数 扣 1)
      {
        ALT: () => {
          this.CONSUME2(K.Per);
          this.SUBRULE2(this.expression);
          this.CONSUME2(K.Deduct);
          this.SUBRULE2(this.amounts);
        },
      },
      // ratio done / target
      {
        ALT: () => {
          this.CONSUME(K.Ratio);
          this.SUBRULE3(this.expression);
        },
      },
      // rank R (名次 R)   |   rank by X desc
      {
        GATE: () => this.LA(2).tokenType !== K.By,
        ALT: () => {
          this.OR4([{ ALT: () => this.CONSUME(K.Rank) }, { ALT: () => this.CONSUME(K.Place) }]);
          this.SUBRULE4(this.expression);
        },
      },
      // by rank of X desc
      {
        ALT: () => {
          this.CONSUME(K.ByRankOf);
          this.SUBRULE5(this.expression);
          this.SUBRULE(this.direction);
        },
      },
      // 10 if a  (one conditional line)
      {
        GATE: () => this.LA(1).tokenType === T.NumberLit && this.LA(2).tokenType === K.If,
        ALT: () => {
          this.CONSUME3(T.NumberLit);
          this.CONSUME(K.If);
          this.SUBRULE7(this.expression);
        },
      },
      // city 3  (a tier entry with the source left to the checker)
      {
        GATE: () => this.LA(1).tokenType === T.Identifier && this.LA(2).tokenType === T.NumberLit,
        ALT: () => this.SUBRULE(this.tierEntry),
      },
      { ALT: () => this.SUBRULE6(this.expression) },
    ]);
  });

  private clause = this.RULE('clause', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.With);
          this.CONSUME(T.Identifier);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.Where);
          this.SUBRULE(this.expression);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.BestPer);
          this.CONSUME2(T.Identifier);
          this.OPTION(() => this.CONSUME(K.Highest));
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.Max);
          this.CONSUME(T.NumberLit);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.First);
          this.CONSUME2(T.NumberLit);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.Step);
          this.CONSUME3(T.NumberLit);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.IfZero);
          this.SUBRULE2(this.expression);
        },
      },
      { ALT: () => this.SUBRULE(this.tierEntry) },
      { ALT: () => this.SUBRULE(this.modifier) },
    ]);
  });

  private tierEntry = this.RULE('tierEntry', () => {
    this.CONSUME(T.Identifier);
    this.CONSUME(T.NumberLit);
  });

  /** Clauses allowed after any rule and as lines of a block item. */
  private modifier = this.RULE('modifier', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.Cap);
          this.CONSUME(T.NumberLit);
          this.OPTION(() => this.CONSUME(K.Prorata));
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.Round);
          this.CONSUME2(T.NumberLit);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.Void);
          this.CONSUME(K.If);
          this.SUBRULE(this.expression);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.NotApplicable);
          this.CONSUME2(K.If);
          this.SUBRULE2(this.expression);
        },
      },
    ]);
  });

  private direction = this.RULE('direction', () => {
    this.OR([{ ALT: () => this.CONSUME(K.Desc) }, { ALT: () => this.CONSUME(K.Asc) }]);
  });

  private veto = this.RULE('veto', () => {
    this.CONSUME(K.Veto);
    this.CONSUME(T.StringLit);
    this.CONSUME(K.If);
    this.SUBRULE(this.expression);
  });

  private gradeBlock = this.RULE('gradeBlock', () => {
    this.CONSUME(K.Grade);
    this.CONSUME(T.LBrace);
    this.MANY(() => {
      this.SUBRULE(this.gradeLine);
      this.OPTION(() => this.CONSUME(T.Comma));
    });
    this.CONSUME(T.RBrace);
  });

  private gradeLine = this.RULE('gradeLine', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.Veto);
          this.CONSUME(T.StringLit);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.Otherwise);
          this.CONSUME2(T.StringLit);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.Ineligible);
          this.CONSUME4(T.StringLit);
        },
      },
      {
        ALT: () => {
          this.CONSUME3(T.StringLit);
          this.CONSUME(K.If);
          this.SUBRULE(this.expression);
          // a quota: `, max 20%` (of the units assessed) or `, max 3` (units); a comma alone
          // separates grade lines
          this.OPTION({
            GATE: () => this.LA(1).tokenType === K.Max || (this.LA(1).tokenType === T.Comma && this.LA(2).tokenType === K.Max),
            DEF: () => {
              this.OPTION2(() => this.CONSUME(T.Comma));
              this.CONSUME(K.Max);
              this.CONSUME(T.NumberLit);
            },
          });
        },
      },
    ]);
  });

  private adjust = this.RULE('adjust', () => {
    this.CONSUME(K.Adjust);
    this.CONSUME(K.Total);
    this.CONSUME(T.Star);
    this.SUBRULE(this.expression);
  });

  // ── examples ──────────────────────────────────────────────────────
  private example = this.RULE('example', () => {
    this.CONSUME(K.Example);
    this.CONSUME(T.StringLit);
    this.CONSUME(T.LBrace);
    this.MANY(() =>
      this.OR([
        {
          ALT: () => {
            this.CONSUME(K.Given);
            this.SUBRULE(this.record);
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.Unit);
            this.CONSUME2(T.StringLit);
            this.SUBRULE2(this.record);
          },
        },
        { ALT: () => this.SUBRULE(this.expectation) },
      ]),
    );
    this.CONSUME(T.RBrace);
  });

  private record = this.RULE('record', () => {
    this.CONSUME(T.LBrace);
    this.MANY(() => {
      // `unit: 街道` gives a unit's kind in an example
      this.OR([{ ALT: () => this.CONSUME(T.Identifier) }, { ALT: () => this.CONSUME(K.Unit) }]);
      this.CONSUME(T.Colon);
      this.SUBRULE(this.value);
      this.OPTION(() => this.CONSUME(T.Comma));
    });
    this.CONSUME(T.RBrace);
  });

  private value = this.RULE('value', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.signedNumber) },
      { ALT: () => this.CONSUME(T.StringLit) },
      { ALT: () => this.CONSUME(K.Yes) },
      { ALT: () => this.CONSUME(K.No) },
      { ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.SUBRULE(this.record) },
      {
        ALT: () => {
          this.CONSUME(T.LBracket);
          this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.value) });
          this.CONSUME(T.RBracket);
        },
      },
    ]);
  });

  private expectation = this.RULE('expectation', () => {
    this.CONSUME(K.Expect);
    this.OPTION(() => this.CONSUME(T.StringLit));
    this.OR([
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(K.Item) }, { ALT: () => this.CONSUME(K.Section) }]);
          this.CONSUME2(T.StringLit);
          this.SUBRULE(this.expectedValue);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.Bonus);
          this.OPTION2(() => this.CONSUME3(T.StringLit));
          this.SUBRULE2(this.expectedValue);
        },
      },
      {
        ALT: () => {
          this.OR3([{ ALT: () => this.CONSUME(K.Total) }, { ALT: () => this.CONSUME(K.Grade) }, { ALT: () => this.CONSUME(K.Place) }]);
          this.SUBRULE3(this.expectedValue);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.Veto);
          this.OPTION3(() => this.CONSUME4(T.StringLit));
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.Not);
          this.OR4([{ ALT: () => this.CONSUME2(K.Veto) }, { ALT: () => this.CONSUME(K.Ineligible) }]);
        },
      },
      { ALT: () => this.CONSUME2(K.Ineligible) },
    ]);
  });

  private expectedValue = this.RULE('expectedValue', () => {
    this.CONSUME(T.Equals);
    this.SUBRULE(this.value);
  });

  // ── expressions ───────────────────────────────────────────────────
  public expression = this.RULE('expression', () => {
    this.SUBRULE(this.andExpr);
    this.MANY(() => {
      this.CONSUME(K.Or);
      this.SUBRULE2(this.andExpr);
    });
  });

  private andExpr = this.RULE('andExpr', () => {
    this.SUBRULE(this.notExpr);
    this.MANY(() => {
      this.CONSUME(K.And);
      this.SUBRULE2(this.notExpr);
    });
  });

  private notExpr = this.RULE('notExpr', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.Not);
          this.SUBRULE(this.notExpr);
        },
      },
      { ALT: () => this.SUBRULE(this.comparison) },
    ]);
  });

  private comparison = this.RULE('comparison', () => {
    this.SUBRULE(this.additive);
    this.OPTION(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Comparison) }, { ALT: () => this.CONSUME(T.Equals) }]);
      this.SUBRULE2(this.additive);
    });
  });

  private additive = this.RULE('additive', () => {
    this.SUBRULE(this.multiplicative);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Plus) }, { ALT: () => this.CONSUME(T.Minus) }]);
      this.SUBRULE2(this.multiplicative);
    });
  });

  private multiplicative = this.RULE('multiplicative', () => {
    this.SUBRULE(this.unary);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Star) }, { ALT: () => this.CONSUME(T.Slash) }]);
      this.SUBRULE2(this.unary);
    });
  });

  private unary = this.RULE('unary', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Minus);
          this.SUBRULE(this.unary);
        },
      },
      { ALT: () => this.SUBRULE(this.coalesce) },
    ]);
  });

  private coalesce = this.RULE('coalesce', () => {
    this.SUBRULE(this.postfix);
    this.MANY(() => {
      this.CONSUME(T.QQ);
      this.SUBRULE2(this.postfix);
    });
  });

  private postfix = this.RULE('postfix', () => {
    this.SUBRULE(this.primary);
    this.MANY(() => {
      this.CONSUME(T.Dot);
      this.OR([
        { ALT: () => this.CONSUME(T.Identifier) },
        { ALT: () => this.CONSUME(K.Total) },
        // an imported scheme's scores: `agri.item "x"`, `agri.section "y"`
        {
          ALT: () => {
            this.OR2([{ ALT: () => this.CONSUME(K.Item) }, { ALT: () => this.CONSUME(K.Section) }]);
            this.CONSUME(T.StringLit);
          },
        },
      ]);
    });
  });

  private primary = this.RULE('primary', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.NumberLit) },
      { ALT: () => this.CONSUME(T.StringLit) },
      { ALT: () => this.CONSUME(K.Yes) },
      { ALT: () => this.CONSUME(K.No) },
      { ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.CONSUME(K.Total) },
      { ALT: () => this.CONSUME(K.Unit) },
      { ALT: () => this.CONSUME(K.Place) },
      { ALT: () => this.CONSUME(K.CohortSize) },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.expression);
          this.CONSUME(T.RParen);
        },
      },
      { ALT: () => this.SUBRULE(this.call) },
      { ALT: () => this.SUBRULE(this.cohortAggregate) },
      { ALT: () => this.SUBRULE(this.acrossAggregate) },
      { ALT: () => this.SUBRULE(this.cohortRank) },
      { ALT: () => this.SUBRULE(this.bands) },
      { ALT: () => this.SUBRULE(this.linear) },
      { ALT: () => this.SUBRULE(this.scoreRef) },
      { ALT: () => this.SUBRULE(this.conditional) },
    ]);
  });

  /** if C then A else B (若 C 则 A 否则 B). */
  private conditional = this.RULE('conditional', () => {
    this.CONSUME(K.If);
    this.SUBRULE(this.expression);
    this.CONSUME(K.Then);
    this.SUBRULE2(this.expression);
    this.CONSUME(K.Otherwise);
    this.SUBRULE3(this.expression);
  });

  /** sum(list.field where …), count(list where …), max(a, b), round(x, 2) */
  private call = this.RULE('call', () => {
    this.OR([{ ALT: () => this.CONSUME(T.AggregateFn) }, { ALT: () => this.CONSUME(K.Round) }]);
    this.CONSUME(T.LParen);
    this.SUBRULE(this.expression);
    this.OPTION(() => {
      this.CONSUME(K.Where);
      this.SUBRULE2(this.expression);
    });
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE3(this.expression);
    });
    // sum(list, formula where condition): the filter may also follow the formula
    this.OPTION2(() => {
      this.CONSUME2(K.Where);
      this.SUBRULE4(this.expression);
    });
    this.CONSUME(T.RParen);
  });

  /** max of X across units [where C] */
  private cohortAggregate = this.RULE('cohortAggregate', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.AggregateFn) },
      // percentile 80 of X across units
      {
        ALT: () => {
          this.CONSUME(K.Percentile);
          this.CONSUME(T.NumberLit);
        },
      },
      // top 3 avg of X across units
      {
        ALT: () => {
          this.CONSUME(K.Top);
          this.CONSUME2(T.NumberLit);
          this.CONSUME2(T.AggregateFn);
        },
      },
    ]);
    this.CONSUME(K.Of);
    this.SUBRULE(this.expression);
    this.CONSUME(K.Across);
    this.OPTION(() => {
      this.CONSUME(K.Where);
      this.SUBRULE2(this.expression);
    });
  });

  /** 全体单位 完成率 的 最大值 [其中 C]  (across units X of max [where C]) */
  private acrossAggregate = this.RULE('acrossAggregate', () => {
    this.CONSUME(K.Across);
    this.SUBRULE(this.expression);
    this.CONSUME(K.Of);
    this.OR([
      { ALT: () => this.CONSUME(T.AggregateFn) },
      // 全体单位 X 的 80 百分位数
      {
        ALT: () => {
          this.CONSUME(T.NumberLit);
          this.CONSUME(K.Percentile);
        },
      },
      // 全体单位 X 的 前 3 平均值
      {
        ALT: () => {
          this.CONSUME(K.Top);
          this.CONSUME2(T.NumberLit);
          this.CONSUME2(T.AggregateFn);
        },
      },
    ]);
    this.OPTION(() => {
      this.CONSUME(K.Where);
      this.SUBRULE2(this.expression);
    });
  });

  /** rank by X desc — the unit's place in the cohort (ties share the best place). */
  private cohortRank = this.RULE('cohortRank', () => {
    this.CONSUME(K.Rank);
    this.CONSUME(K.By);
    this.SUBRULE(this.expression);
    this.SUBRULE(this.direction);
  });

  private bands = this.RULE('bands', () => {
    this.CONSUME(K.Bands);
    this.SUBRULE(this.expression);
    this.CONSUME(T.LBrace);
    this.MANY(() => {
      this.SUBRULE(this.band);
      this.OPTION(() => this.CONSUME(T.Comma));
    });
    this.CONSUME(T.RBrace);
  });

  private band = this.RULE('band', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Comparison);
          // a threshold: a number, or a named value or input (`< 目标值`)
          this.OR2([{ ALT: () => this.SUBRULE(this.signedNumber) }, { ALT: () => this.CONSUME2(T.Identifier) }]);
        },
      },
      { ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.CONSUME(K.Yes) },
      { ALT: () => this.CONSUME(K.No) },
      { ALT: () => this.CONSUME(K.Otherwise) },
    ]);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.expression);
  });

  private linear = this.RULE('linear', () => {
    this.CONSUME(K.Linear);
    this.SUBRULE(this.expression);
    this.CONSUME(K.From);
    this.SUBRULE(this.point);
    this.AT_LEAST_ONE(() => {
      this.CONSUME(K.To);
      this.SUBRULE2(this.point);
    });
  });

  private point = this.RULE('point', () => {
    this.SUBRULE(this.signedNumber);
    this.CONSUME(T.Arrow);
    this.SUBRULE2(this.signedNumber);
  });

  /** item "label", section "label", bonus ["label"] — a score used in grades and adjustments. */
  private scoreRef = this.RULE('scoreRef', () => {
    this.OR([
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(K.Item) }, { ALT: () => this.CONSUME(K.Section) }]);
          this.CONSUME(T.StringLit);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.Bonus);
          this.OR3([{ ALT: () => this.CONSUME2(T.StringLit) }, { ALT: () => EMPTY_ALT() }]);
        },
      },
    ]);
  });
}

/** One parser instance, shared by every caller (parsing is synchronous). */
export const parser = new AssessParser();
