import {
  isConstantNode,
  isFunctionNode,
  isOperatorNode,
  isParenthesisNode,
  isSymbolNode,
  parse,
  type MathNode,
} from 'mathjs';
import type {
  FactorValueView,
  ScoreBreakdown,
  ScoringFactorView,
} from '../contracts/prioritisation-api';
import { DomainRuleViolation } from '../shared/errors';
import type { ScoringModel } from './scoring';

const ALLOWED =
  'a formula uses numbers, its factors, + - * / ^, parentheses and the functions min, max, abs, sqrt, log and round';

/** How many values each function takes. */
const functionArity = {
  min: { least: 1, most: Infinity, says: 'at least one value' },
  max: { least: 1, most: Infinity, says: 'at least one value' },
  abs: { least: 1, most: 1, says: 'one value' },
  sqrt: { least: 1, most: 1, says: 'one value' },
  log: { least: 1, most: 2, says: 'a value and optionally a base' },
  round: { least: 1, most: 2, says: 'a value and optionally a number of decimals' },
} as const;
type FunctionName = keyof typeof functionArity;
const isFunctionName = (name: string): name is FunctionName => Object.hasOwn(functionArity, name);

const binaryOperators = {
  add: '+',
  subtract: '-',
  multiply: '*',
  divide: '/',
  pow: '^',
} as const;
type BinaryOperator = (typeof binaryOperators)[keyof typeof binaryOperators];

/** A formula as parsed and checked: only what a score may be made of. */
export type Formula =
  | { kind: 'number'; value: number }
  | { kind: 'factor'; key: string }
  | { kind: 'negate'; operand: Formula }
  | { kind: 'binary'; operator: BinaryOperator; left: Formula; right: Formula; rightText: string }
  | { kind: 'call'; name: FunctionName; args: Formula[]; argText: string };

const rejected = (message: string) => new DomainRuleViolation(message, 'formula');

const charMessages: [RegExp, (char: string, token: string) => string][] = [
  [/^Parenthesis \) expected/, (c) => `A closing parenthesis ")" is missing at character ${c}.`],
  [/^Value expected/, (c) => `A number or factor is missing at character ${c}.`],
  [
    /^Unexpected end of expression/,
    (c) => `The formula stops short at character ${c}: a number or factor should follow.`,
  ],
  [/^Unexpected operator (\S+)/, (c, token) => `Unexpected "${token}" at character ${c}.`],
];

/** mathjs's own syntax errors ("Parenthesis ) expected (char 16)"), said as sentences. */
const rephrase = (error: unknown): DomainRuleViolation => {
  const message = error instanceof Error ? error.message : String(error);
  const char = /\(char (\d+)\)/.exec(message)?.[1];
  if (char === undefined) return rejected(`The formula cannot be read: ${message}.`);
  for (const [pattern, say] of charMessages) {
    const match = pattern.exec(message);
    if (match) return rejected(say(char, match[1] ?? ''));
  }
  const what = message.replace(/\s*\(char \d+\)\s*$/, '');
  return rejected(`The formula cannot be read at character ${char}: ${what}.`);
};

/**
 * Where the `occurrence`-th (from 1) appearance of a word stands in the formula, counted from 1
 * as mathjs counts characters.
 */
const positionOf = (formula: string, word: string, occurrence: number): number | undefined => {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const matches = [
    ...formula.matchAll(new RegExp(`(?<![A-Za-z0-9_])${escaped}(?![A-Za-z0-9_])`, 'g')),
  ];
  const index = matches[occurrence - 1]?.index;
  return index === undefined ? undefined : index + 1;
};

/**
 * Parses a formula and checks it uses only numbers, the given factor keys, + - * / ^, unary minus,
 * parentheses and min, max, abs, sqrt, log, round. Every refusal is a sentence on field `formula`
 * that points at the mistake.
 */
export const parseFormula = (formula: string, factorKeys: readonly string[]): Formula => {
  if (formula.trim() === '') throw rejected('A formula must not be empty.');
  const stray = /[^A-Za-z0-9_.\s+\-*/^(),]/.exec(formula);
  if (stray) {
    throw rejected(`Unexpected "${stray[0]}" at character ${stray.index + 1}: ${ALLOWED}.`);
  }
  let root: MathNode;
  try {
    root = parse(formula);
  } catch (error) {
    throw rephrase(error);
  }
  const keys = new Set(factorKeys);
  // Words are met in the order they are written, so the n-th one met is the n-th in the text.
  const seen = new Map<string, number>();
  const at = (word: string) => {
    const occurrence = (seen.get(word) ?? 0) + 1;
    seen.set(word, occurrence);
    const position = positionOf(formula, word, occurrence);
    return position === undefined ? '' : ` at character ${position}`;
  };

  const check = (node: MathNode): Formula => {
    if (isParenthesisNode(node)) return check(node.content);
    if (isConstantNode(node)) {
      if (typeof node.value !== 'number') {
        throw rejected(
          `"${String(node.value)}"${at(String(node.value))} is not a number; ${ALLOWED}.`,
        );
      }
      if (!Number.isFinite(node.value)) throw rejected('A number in the formula is too large.');
      return { kind: 'number', value: node.value };
    }
    if (isSymbolNode(node)) {
      const where = at(node.name);
      if (keys.has(node.name)) return { kind: 'factor', key: node.name };
      if (isFunctionName(node.name)) {
        throw rejected(`"${node.name}"${where} is a function: write ${node.name}(…).`);
      }
      throw rejected(
        `Unknown factor "${node.name}"${where}; the factors are ${[...keys].join(', ')}.`,
      );
    }
    if (isFunctionNode(node)) {
      // Typed as a symbol, but `a.b(1)` calls an accessor.
      const fn: MathNode = node.fn;
      const name = isSymbolNode(fn) ? fn.name : fn.toString();
      const where = at(name);
      if (keys.has(name)) {
        throw rejected(`"${name}"${where} is a factor, not a function: put * before the "(".`);
      }
      if (!isFunctionName(name)) {
        throw rejected(
          `Unknown function "${name}"${where}; the functions are ${Object.keys(functionArity).join(', ')}.`,
        );
      }
      const arity = functionArity[name];
      if (node.args.length < arity.least || node.args.length > arity.most) {
        throw rejected(`"${name}"${where} takes ${arity.says}, not ${node.args.length}.`);
      }
      return {
        kind: 'call',
        name,
        args: node.args.map(check),
        argText: node.args[0]?.toString() ?? '',
      };
    }
    if (isOperatorNode(node)) {
      if (node.implicit) {
        const [left, right] = node.args.map((a) => a.toString());
        if (left !== undefined && isFunctionName(left)) {
          throw rejected(`"${left}"${at(left)} is a function: write ${left}(${right}).`);
        }
        throw rejected(
          `An operator is missing between "${left}" and "${right}": write ${left} * ${right}, for example.`,
        );
      }
      const fn: string = node.fn;
      if (fn === 'unaryMinus') return { kind: 'negate', operand: check(node.args[0]!) };
      if (fn === 'unaryPlus') return check(node.args[0]!);
      if (Object.hasOwn(binaryOperators, fn) && node.args.length === 2) {
        const [left, right] = node.args as [MathNode, MathNode];
        return {
          kind: 'binary',
          operator: binaryOperators[fn as keyof typeof binaryOperators],
          left: check(left),
          right: check(right),
          rightText: right.toString(),
        };
      }
      throw rejected(
        `"${node.op}"${/^[a-z]+$/.test(node.op) ? at(node.op) : ''} is not allowed; ${ALLOWED}.`,
      );
    }
    throw rejected(`"${node.toString()}" is not allowed; ${ALLOWED}.`);
  };
  return check(root);
};

type Call = Extract<Formula, { kind: 'call' }>;
type Binary = Extract<Formula, { kind: 'binary' }>;

const applyOperator = (formula: Binary, left: number, right: number, problems: string[]) => {
  switch (formula.operator) {
    case '+':
      return left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    case '/':
      if (right === 0) problems.push(`Division by zero: ${formula.rightText} is 0.`);
      return left / right;
    case '^':
      return left ** right;
  }
};

const applyFunction = (formula: Call, args: number[], problems: string[]) => {
  const [first = NaN, second] = args;
  switch (formula.name) {
    case 'min':
      return Math.min(...args);
    case 'max':
      return Math.max(...args);
    case 'abs':
      return Math.abs(first);
    case 'sqrt':
      if (first < 0) {
        problems.push(`The square root of ${formula.argText} (${first}) has no value.`);
      }
      return Math.sqrt(first);
    case 'log':
      if (first <= 0) {
        problems.push(`The logarithm of ${formula.argText} (${first}) has no value.`);
      }
      return second === undefined ? Math.log(first) : Math.log(first) / Math.log(second);
    case 'round': {
      const scale = 10 ** Math.round(second ?? 0);
      return Math.round(first * scale) / scale;
    }
  }
};

/** Evaluates a checked formula; each reason a value is missing is kept in `problems`. */
const evaluate = (
  formula: Formula,
  values: Readonly<Record<string, number>>,
  problems: string[],
): number => {
  switch (formula.kind) {
    case 'number':
      return formula.value;
    case 'factor':
      return values[formula.key] ?? 0;
    case 'negate':
      return -evaluate(formula.operand, values, problems);
    case 'binary':
      return applyOperator(
        formula,
        evaluate(formula.left, values, problems),
        evaluate(formula.right, values, problems),
        problems,
      );
    case 'call':
      return applyFunction(
        formula,
        formula.args.map((a) => evaluate(a, values, problems)),
        problems,
      );
  }
};

/** The value of each factor for one item: its hand-set values and the demand behind it. */
export type FactorInputs = {
  /** Hand-set values; a manual factor without one takes the model's default. */
  manual: Readonly<Record<string, number>>;
  /** Distinct standing voters of the linked feedback and their merged duplicates. */
  votes: number;
  /** MRR in cents of those voters' distinct companies. */
  revenueCents: number;
  /** Distinct standing voters per company segment. */
  segmentVotes: Readonly<Record<string, number>>;
};

const valueOf = (factor: ScoringFactorView, inputs: FactorInputs): number => {
  switch (factor.source.kind) {
    case 'manual':
      return inputs.manual[factor.key] ?? factor.source.default;
    case 'votes':
      return inputs.votes;
    case 'revenue':
      return inputs.revenueCents;
    case 'segment_votes':
      return inputs.segmentVotes[factor.source.segment] ?? 0;
  }
};

/**
 * A model's scorer, parsed once for many items. A formula that no longer parses (it was checked
 * when the model was defined) scores nothing and says why, rather than stopping the projection.
 */
export const scorerFor = (model: ScoringModel): ((inputs: FactorInputs) => ScoreBreakdown) => {
  let formula: Formula | DomainRuleViolation;
  try {
    formula = parseFormula(
      model.formula,
      model.factors.map((f) => f.key),
    );
  } catch (error) {
    if (!(error instanceof DomainRuleViolation)) throw error;
    formula = error;
  }
  return (inputs) => {
    const factors: FactorValueView[] = model.factors.map((f) => ({
      key: f.key,
      name: f.name,
      source: { ...f.source },
      value: valueOf(f, inputs),
      live: f.source.kind !== 'manual',
    }));
    const base = { modelId: model.id, formula: model.formula, factors };
    if (formula instanceof DomainRuleViolation) {
      return { ...base, score: null, problem: formula.message };
    }
    const problems: string[] = [];
    const score = evaluate(
      formula,
      Object.fromEntries(factors.map((f) => [f.key, f.value])),
      problems,
    );
    if (Number.isFinite(score)) return { ...base, score: score === 0 ? 0 : score, problem: null };
    return {
      ...base,
      score: null,
      problem: problems[0] ?? 'The formula gives no finite number for these values.',
    };
  };
};

/** An item's score under a model, with each factor's value and where it came from. */
export const scoreWith = (model: ScoringModel, inputs: FactorInputs): ScoreBreakdown =>
  scorerFor(model)(inputs);
