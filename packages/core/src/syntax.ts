// Pass 2: tokens → syntax tree (Chevrotain CST).
//
// The syntax tree keeps every token, so the formatter can print keywords in the language
// they were written in. Error recovery is on: one run reports every syntax error.
//
// Rules are written as a head followed by comma-separated clauses
// (`deduct 1 per x, max 5`, `honors with evidence, best per project, city 3, cap 10 prorata`);
// which clause may follow which head is checked when the AST is built, where the message
// can be specific.
import {
  CstParser,
  EMPTY_ALT,
  type CstNode,
  type IRecognitionException,
  type IToken,
  type TokenType,
  type IParserErrorMessageProvider,
} from 'chevrotain';
import * as T from './tokens.js';
import { kw } from './tokens.js';
import { diag, label, type Diagnostic } from './diagnostics.js';

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
  constructor() {
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 3, errorMessageProvider: messageProvider, nodeLocationTracking: 'onlyOffset' });
    this.performSelfAnalysis();
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
    this.OPTION(() => {
      this.CONSUME(K.Precision);
      this.CONSUME2(T.NumberLit);
    });
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
      { ALT: () => this.SUBRULE(this.veto) },
      { ALT: () => this.SUBRULE(this.gradeBlock) },
      { ALT: () => this.SUBRULE(this.adjust) },
      { ALT: () => this.SUBRULE(this.example) },
    ]);
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
    this.MANY2(() => this.OR2([{ ALT: () => this.SUBRULE(this.item) }, { ALT: () => this.SUBRULE(this.letDecl) }]));
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
          this.MANY(() => {
            this.SUBRULE(this.blockLine);
            this.OPTION(() => this.CONSUME(T.Comma));
          });
          this.CONSUME(T.RBrace);
        },
      },
    ]);
  });

  /** One line of a `{ … }` item: `2 if x`, `deduct 1 if y`, `void if z`, `cap 10`, `round 2`. */
  private blockLine = this.RULE('blockLine', () => {
    this.OR([
      {
        ALT: () => {
          this.OPTION(() => this.CONSUME(K.Deduct));
          this.CONSUME(T.NumberLit);
          this.CONSUME(K.If);
          this.SUBRULE(this.expression);
        },
      },
      { ALT: () => this.SUBRULE(this.modifier) },
    ]);
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
      // deduct K per X
      {
        ALT: () => {
          this.CONSUME(K.Deduct);
          this.CONSUME(T.NumberLit);
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
          this.CONSUME2(T.NumberLit);
        },
      },
      // ratio done / target
      {
        ALT: () => {
          this.CONSUME(K.Ratio);
          this.SUBRULE3(this.expression);
        },
      },
      // rank R   |   rank by X desc
      {
        GATE: () => this.LA(2).tokenType !== K.By,
        ALT: () => {
          this.CONSUME(K.Rank);
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
          this.CONSUME3(T.StringLit);
          this.CONSUME(K.If);
          this.SUBRULE(this.expression);
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
          this.OR3([{ ALT: () => this.CONSUME(K.Total) }, { ALT: () => this.CONSUME(K.Grade) }]);
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
          this.CONSUME2(K.Veto);
        },
      },
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
      this.OR([{ ALT: () => this.CONSUME(T.Identifier) }, { ALT: () => this.CONSUME(K.Total) }]);
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
    ]);
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
    this.CONSUME(T.RParen);
  });

  /** max of X across units [where C] */
  private cohortAggregate = this.RULE('cohortAggregate', () => {
    this.CONSUME(T.AggregateFn);
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
    this.CONSUME(T.AggregateFn);
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
          this.SUBRULE(this.signedNumber);
        },
      },
      { ALT: () => this.CONSUME(T.Identifier) },
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

/** One parser instance, shared by the CLI, the formatter and the editor server. */
export const parser = new AssessParser();

export interface SyntaxTree {
  cst: CstNode;
  tokens: IToken[];
  comments: IToken[];
  diagnostics: Diagnostic[];
}

/** Limits that keep a hostile file from exhausting the stack or memory. */
export const LIMITS = { maxSourceChars: 2_000_000, maxNesting: 64 };

/** Keywords that start a declaration at the top level of a file. */
const DECLARATION_START = new Set<TokenType>([K.Scheme, K.Use, K.Unit, K.Input, K.Let, K.Section, K.Item, K.Bonus, K.Veto, K.Grade, K.Adjust, K.Example]);
/** Of those, the ones that never appear nested, so they start a declaration even after an unclosed `{`. */
const ALWAYS_TOP_LEVEL = new Set<TokenType>([K.Scheme, K.Use, K.Input, K.Adjust, K.Example]);

/**
 * Split the tokens into top-level declarations, so that a mistake in one declaration
 * never hides the errors of the next: each chunk is parsed (and recovered) on its own.
 */
function declarationChunks(tokens: IToken[]): IToken[][] {
  const chunks: IToken[][] = [];
  let current: IToken[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const ty = t.tokenType;
    const starts = (depth === 0 && DECLARATION_START.has(ty) && !readsAsExpression(tokens, i)) || ALWAYS_TOP_LEVEL.has(ty);
    if (starts && current.length > 0) {
      chunks.push(current);
      current = [];
      depth = 0;
    }
    current.push(t);
    if (ty === T.LBrace) depth++;
    else if (ty === T.RBrace) depth = Math.max(0, depth - 1);
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * `unit`, `item "x"`, `section "x"` and `bonus` are also expressions (`veto "v" if unit = 街道`,
 * `adjust total * bands unit {…}`): there they do not start a declaration.
 */
function readsAsExpression(tokens: IToken[], i: number): boolean {
  const ty = tokens[i].tokenType;
  const next = tokens[i + 1]?.tokenType;
  if (ty === K.Unit) return next !== T.Identifier;
  if (ty === K.Item || ty === K.Section || ty === K.Bonus) {
    const after = tokens[i + 2]?.tokenType;
    if (ty === K.Bonus && next !== T.StringLit) return true;
    return next === T.StringLit && after !== K.Max && after !== K.Weight && after !== T.Colon && after !== T.LBrace;
  }
  return false;
}

/**
 * Tokens → syntax tree, with every syntax error as a diagnostic. Never throws.
 */
export function parseTokens(source: string, tokens: T.Tokens): SyntaxTree {
  const diagnostics = [...tokens.diagnostics];
  const first = tokens.tokens[0];
  const last = tokens.tokens[tokens.tokens.length - 1];
  const location = first && last ? { startOffset: first.startOffset, endOffset: last.endOffset ?? last.startOffset } : undefined;
  const root: CstNode = { name: 'scheme', children: { header: [], declaration: [] }, location };
  const tree = { cst: root, tokens: tokens.tokens, comments: tokens.comments, diagnostics };
  const tooDeep = nestingTooDeep(tokens.tokens);
  if (tooDeep) {
    diagnostics.push(diag('E0006', { start: tooDeep.startOffset, end: tooDeep.endOffset! + 1 }, { limit: LIMITS.maxNesting }));
    return tree;
  }
  for (const chunk of declarationChunks(tokens.tokens)) {
    const first = chunk[0].tokenType;
    if (!DECLARATION_START.has(first)) {
      diagnostics.push(strayTokens(chunk, source));
      continue;
    }
    parser.input = chunk;
    const node = first === K.Scheme ? parser.header() : parser.declaration();
    // "Expected the end of the declaration" after another error in the same declaration is
    // where recovery gave up, not a second mistake of the author's.
    const errors = parser.errors.filter((e, i) => i === 0 || e.name !== 'NotAllInputParsedException');
    for (const e of errors) diagnostics.push(syntaxDiagnostic(e, source, chunk));
    root.children[first === K.Scheme ? 'header' : 'declaration'].push(node);
  }
  return tree;
}

/** The last `{` of a declaration that no `}` closes. */
function unclosedBrace(tokens: IToken[]): IToken | undefined {
  const stack: IToken[] = [];
  for (const t of tokens) {
    if (t.tokenType === T.LBrace) stack.push(t);
    else if (t.tokenType === T.RBrace) stack.pop();
  }
  return stack[stack.length - 1];
}

function strayTokens(chunk: IToken[], source: string): Diagnostic {
  const t = chunk[0];
  const d = syntaxDiagnostic(
    { message: JSON.stringify({ expected: ['declaration'], found: t.image, foundType: t.tokenType.name }), token: t, name: 'MismatchedTokenException', resyncedTokens: [], context: { ruleStack: [], ruleOccurrenceStack: [] } } as IRecognitionException,
    source,
  );
  return d;
}

/** The first token at which brackets or prefix operators nest deeper than the limit. */
function nestingTooDeep(tokens: IToken[]): IToken | undefined {
  let depth = 0;
  let prefixRun = 0;
  for (const t of tokens) {
    const ty = t.tokenType;
    if (ty === T.LParen || ty === T.LBrace || ty === T.LBracket) depth++;
    else if (ty === T.RParen || ty === T.RBrace || ty === T.RBracket) depth = Math.max(0, depth - 1);
    prefixRun = ty === T.Minus || ty === K.Not ? prefixRun + 1 : 0;
    if (depth > LIMITS.maxNesting || prefixRun > LIMITS.maxNesting) return t;
  }
  return undefined;
}

interface ErrorFacts {
  expected: string[];
  found: string;
  foundType: string;
}

function syntaxDiagnostic(e: IRecognitionException, source: string, tokens: IToken[] = []): Diagnostic {
  let facts: ErrorFacts;
  try {
    facts = JSON.parse(e.message) as ErrorFacts;
  } catch {
    facts = { expected: [], found: e.token.image, foundType: e.token.tokenType?.name ?? '' };
  }
  const t = e.token;
  const atEnd = t.tokenType?.name === 'EOF' || isNaN(t.startOffset);
  // The end of a declaration is just after its last token, not the end of the file.
  const last = tokens[tokens.length - 1];
  const endAt = last ? (last.endOffset ?? last.startOffset) + 1 : source.length;
  const span = atEnd ? { start: endAt, end: endAt } : { start: t.startOffset, end: (t.endOffset ?? t.startOffset) + 1 };
  const expectedEn = describeExpected(facts.expected, 'en');
  const expectedZh = describeExpected(facts.expected, 'zh');
  const found = atEnd ? 'the end of the file' : `\`${facts.found}\``;
  const foundZh = atEnd ? '文件结尾' : `\`${facts.found}\``;
  const at = tokens.indexOf(e.token);
  const previous = at > 0 ? tokens[at - 1] : atEnd ? last : undefined;
  // When the unexpected token starts a new line, the mistake is where the previous line stopped
  // (`deduct 1 per x,` then `}`): point just after the previous token.
  // Only for a closing bracket or the end: any other token may itself be the mistake.
  const closer = atEnd || e.token.tokenType === T.RBrace || e.token.tokenType === T.RParen || e.token.tokenType === T.RBracket;
  const newLine = closer && previous && !isNaN(previous.startOffset) && (atEnd || source.slice((previous.endOffset ?? previous.startOffset) + 1, span.start).includes('\n'));
  const d = diag('E0002', newLine ? { start: (previous!.endOffset ?? previous!.startOffset) + 1, end: (previous!.endOffset ?? previous!.startOffset) + 1 } : span, { expected: expectedEn, expectedZh, found });
  d.message.zh = d.message.zh.replace(found, foundZh);
  if (newLine) {
    d.message.en = `expected ${expectedEn} after \`${previous!.image}\`, found ${found}`;
    d.message.zh = `\`${previous!.image}\` 之后应为 ${expectedZh}，实际是 ${foundZh}`;
  }
  const h = syntaxHint(facts, e, previous);
  if (h) d.hint = h;
  const open = atEnd && facts.expected.includes('RBrace') ? unclosedBrace(tokens) : undefined;
  if (open) d.labels.push(label({ start: open.startOffset, end: open.startOffset + 1 }, 'this `{` is never closed', '这个 `{` 没有闭合'));
  return d;
}

const TOKEN_WORDS: Record<string, [string, string]> = {
  Identifier: ['a name', '名称'],
  NumberLit: ['a number', '数字'],
  StringLit: ['a quoted label', '带引号的名称'],
  // A declaration is parsed on its own, so its "end of input" is where the next declaration starts.
  EOF: ['the end of the declaration', '声明结束'],
  declaration: ['a declaration (`section`, `item`, `input`, `bonus`, `veto`, `grade`, `let`, `example`, …)', '声明（`小节`、`输入`、`加分`、`否决`、`等级`、`设`、`示例` 等）'],
  Comparison: ['a comparison (`<`, `>=`, …)', '比较符（`<`、`>=` 等）'],
  AggregateFn: ['an aggregate (`sum`, `max`, …)', '汇总函数（`合计`、`最大值` 等）'],
};

function describeToken(name: string, lang: 'en' | 'zh'): string {
  const w = TOKEN_WORDS[name];
  if (w) return lang === 'en' ? w[0] : w[1];
  const spelled = T.spelling(name, lang);
  if (spelled) return `\`${spelled}\``;
  const tt = T.allTokens.find((x) => x.name === name);
  return (tt?.LABEL as string | undefined) ?? name;
}

function describeExpected(names: string[], lang: 'en' | 'zh'): string {
  const words = [...new Set(names.map((n) => describeToken(n, lang)))];
  if (words.length === 0) return lang === 'en' ? 'something else' : '其他内容';
  if (words.length > 6) {
    const shown = words.slice(0, 6).join(lang === 'en' ? ', ' : '、');
    return lang === 'en' ? `one of ${shown}, …` : `${shown} 等之一`;
  }
  if (words.length === 1) return words[0];
  const last = words[words.length - 1];
  return lang === 'en' ? `${words.slice(0, -1).join(', ')} or ${last}` : `${words.slice(0, -1).join('、')} 或 ${last}`;
}

/** Targeted advice for the syntax mistakes drafters make most. */
function alternativeName(keyword: string): string {
  return /[\u4e00-\u9fff]/.test(keyword) ? `${keyword}名称` : `${keyword}_name`;
}

/** The Chinese keyword a name starts with, as in `每少报次数` (每 + 少报次数). */
function gluedKeyword(name: string): string | undefined {
  if (!/^[\u4e00-\u9fff]/.test(name)) return undefined;
  return T.KEYWORDS.flatMap((k) => k.zh)
    .filter((s) => name.startsWith(s) && name.length > s.length)
    .sort((a, b) => b.length - a.length)[0];
}

function syntaxHint(facts: ErrorFacts, e: IRecognitionException, previous?: IToken): { en: string; zh: string } | undefined {
  const rules = e.context?.ruleStack ?? [];
  const glue = (name: string) => {
    const kw = gluedKeyword(name);
    return kw
      ? {
          en: `\`${name}\` reads as one name; put a space after the keyword: \`${kw} ${name.slice(kw.length)}\``,
          zh: `\`${name}\` 被当成了一个名称；请在关键字后加空格：\`${kw} ${name.slice(kw.length)}\``,
        }
      : undefined;
  };
  if (facts.foundType === 'Identifier') {
    const g = glue(facts.found);
    if (g) return g;
  }
  if (previous?.tokenType === T.Identifier) {
    const g = glue(previous.image);
    if (g) return g;
  }
  if (facts.foundType === 'IfZero' && facts.expected.includes('If'))
    return { en: '`if zero` is read as one keyword (a ratio’s fallback); give the input another name than `zero`', zh: '`if zero` 是一个关键字（比例的目标值为零时）；请给该输入换一个名称，不要用 `zero`' };
  const keyword = T.KEYWORDS.find((k) => k.name === facts.foundType);
  const wantsName = facts.expected.includes('Identifier') || ((rules.includes('fieldList') || rules.includes('record')) && facts.expected.includes('RBrace'));
  if (keyword && wantsName) {
    return {
      en: `\`${facts.found}\` is a keyword${facts.found === keyword.en[0] ? '' : ` (\`${keyword.en[0]}\`)`} and cannot be a name; choose another name, such as \`${alternativeName(facts.found)}\``,
      zh: `\`${facts.found}\` 是关键字${facts.found === keyword.zh[0] ? '' : `（\`${keyword.zh[0]}\`）`}，不能用作名称；请换一个名称，如 \`${alternativeName(facts.found)}\``,
    };
  }
  if (facts.expected.includes('StringLit') && facts.foundType === 'Identifier' && (rules.includes('item') || rules.includes('section') || rules.includes('header')))
    return { en: `labels are quoted: "${facts.found}"`, zh: `名称需加引号："${facts.found}"` };
  if (facts.expected.includes('RBrace') && facts.foundType === 'EOF')
    return { en: 'a `{` is never closed; add `}`', zh: '有 `{` 没有闭合，请补上 `}`' };
  return undefined;
}

export { T as tokens };
