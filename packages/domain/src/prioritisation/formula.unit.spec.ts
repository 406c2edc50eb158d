import { DomainRuleViolation } from '../shared/errors';
import { parseFormula, scoreWith, scorerFor, type FactorInputs } from './formula';
import { builtInModel, type ScoringModel } from './scoring';

const keys = ['reach', 'impact', 'confidence', 'effort'];

/** The refusal of a formula over the RICE keys, checking it names the `formula` field. */
const refusalOf = (formula: string): string => {
  try {
    parseFormula(formula, keys);
  } catch (error) {
    if (!(error instanceof DomainRuleViolation)) throw error;
    expect(error.field).toBe('formula');
    return error.message;
  }
  throw new Error(`expected "${formula}" to be refused`);
};

const noDemand: FactorInputs = { manual: {}, votes: 0, revenueCents: 0, segmentVotes: {} };
const model = (id: string): ScoringModel => {
  const found = builtInModel(id);
  if (!found) throw new Error(`no built-in model ${id}`);
  return found;
};

describe('parseFormula', () => {
  it.each([
    'reach * impact * confidence / effort',
    '(reach + 2.5) ^ 2 - -impact',
    'max(reach, 1) * min(impact, confidence, 3) / abs(effort)',
    'sqrt(reach) + log(impact) + log(impact, 10) + round(confidence) + round(confidence, 2)',
    '+reach',
  ])('accepts %s', (formula) => expect(() => parseFormula(formula, keys)).not.toThrow());

  it.each([
    [
      'reech * impact',
      'Unknown factor "reech" at character 1; the factors are reach, impact, confidence, effort.',
    ],
    [
      'reach * reach * reech',
      'Unknown factor "reech" at character 17; the factors are reach, impact, confidence, effort.',
    ],
    [
      'pi * reach',
      'Unknown factor "pi" at character 1; the factors are reach, impact, confidence, effort.',
    ],
    ['reach * (impact + effort', 'A closing parenthesis ")" is missing at character 25.'],
    ['reach +* impact', 'A number or factor is missing at character 8.'],
    ['reach *', 'The formula stops short at character 8: a number or factor should follow.'],
    ['reach)', 'Unexpected ")" at character 6.'],
    ['reach, impact', 'Unexpected "," at character 6.'],
    [
      'reach % 2',
      'Unexpected "%" at character 7: a formula uses numbers, its factors, + - * / ^, parentheses and the functions min, max, abs, sqrt, log and round.',
    ],
    [
      'reach impact',
      'An operator is missing between "reach" and "impact": write reach * impact, for example.',
    ],
    ['sqrt reach', '"sqrt" at character 1 is a function: write sqrt(reach).'],
    ['reach + sqrt', '"sqrt" at character 9 is a function: write sqrt(…).'],
    [
      'foo(reach)',
      'Unknown function "foo" at character 1; the functions are min, max, abs, sqrt, log, round.',
    ],
    [
      'impact(effort)',
      '"impact" at character 1 is a factor, not a function: put * before the "(".',
    ],
    ['max()', '"max" at character 1 takes at least one value, not 0.'],
    ['reach + sqrt(reach, impact)', '"sqrt" at character 9 takes one value, not 2.'],
    ['log(reach, 2, 3)', '"log" at character 1 takes a value and optionally a base, not 3.'],
    [
      'reach mod 2',
      '"mod" at character 7 is not allowed; a formula uses numbers, its factors, + - * / ^, parentheses and the functions min, max, abs, sqrt, log and round.',
    ],
    [
      'true',
      '"true" at character 1 is not a number; a formula uses numbers, its factors, + - * / ^, parentheses and the functions min, max, abs, sqrt, log and round.',
    ],
    [
      'reach.x',
      '"reach.x" is not allowed; a formula uses numbers, its factors, + - * / ^, parentheses and the functions min, max, abs, sqrt, log and round.',
    ],
    ['1e999 * reach', 'A number in the formula is too large.'],
    ['   ', 'A formula must not be empty.'],
  ])('refuses %j with a sentence pointing at the mistake', (formula, message) =>
    expect(refusalOf(formula)).toBe(message),
  );
});

describe('scoreWith', () => {
  it('scores RICE: voters times impact times confidence over effort, defaults for unset factors', () => {
    expect(scoreWith(model('rice'), { ...noDemand, votes: 10 })).toEqual({
      modelId: 'rice',
      formula: 'reach * impact * confidence / effort',
      score: 8,
      problem: null,
      factors: [
        { key: 'reach', name: 'Reach', source: { kind: 'votes' }, value: 10, live: true },
        {
          key: 'impact',
          name: 'Impact',
          source: { kind: 'manual', default: 1 },
          value: 1,
          live: false,
        },
        {
          key: 'confidence',
          name: 'Confidence',
          source: { kind: 'manual', default: 0.8 },
          value: 0.8,
          live: false,
        },
        {
          key: 'effort',
          name: 'Effort',
          source: { kind: 'manual', default: 1 },
          value: 1,
          live: false,
        },
      ],
    });
    expect(
      scoreWith(model('rice'), {
        ...noDemand,
        votes: 12,
        manual: { impact: 3, confidence: 0.5, effort: 4 },
      }).score,
    ).toBe(4.5);
  });

  it('scores a new RICE item without demand as zero', () =>
    expect(scoreWith(model('rice'), noDemand).score).toBe(0));

  it('scores ICE as the product of its three hand-set factors', () => {
    expect(scoreWith(model('ice'), noDemand).score).toBe(125);
    expect(
      scoreWith(model('ice'), { ...noDemand, manual: { impact: 8, confidence: 7, ease: 2 } }).score,
    ).toBe(112);
  });

  it('scores WSJF from the revenue behind the item, one point per 1,000.00 of MRR', () => {
    const breakdown = scoreWith(model('wsjf'), {
      ...noDemand,
      revenueCents: 700_000,
      manual: { time_criticality: 3, risk_reduction: 2, job_size: 4 },
    });
    expect(breakdown.score).toBe(3);
    expect(breakdown.factors[0]).toEqual({
      key: 'business_value',
      name: 'Business value',
      source: { kind: 'revenue' },
      value: 700_000,
      live: true,
    });
  });

  it('scores impact over effort', () =>
    expect(
      scoreWith(model('impact-effort'), { ...noDemand, manual: { impact: 6, effort: 4 } }).score,
    ).toBe(1.5));

  it('counts votes of a segment, none when nobody from it voted', () => {
    const enterprise: ScoringModel = {
      id: 'enterprise',
      name: 'Enterprise pull',
      preset: 'custom',
      formula: 'enterprise * 10 + reach',
      factors: [
        {
          key: 'enterprise',
          name: 'Enterprise voters',
          source: { kind: 'segment_votes', segment: 'Enterprise' },
        },
        { key: 'reach', name: 'Reach', source: { kind: 'votes' } },
      ],
    };
    expect(
      scoreWith(enterprise, { ...noDemand, votes: 5, segmentVotes: { Enterprise: 2 } }).score,
    ).toBe(25);
    expect(scoreWith(enterprise, { ...noDemand, votes: 5, segmentVotes: { SMB: 4 } }).score).toBe(
      5,
    );
  });

  it('has no score for a division by zero, and says which divisor was zero', () =>
    expect(
      scoreWith(model('rice'), { ...noDemand, votes: 3, manual: { effort: 0 } }),
    ).toMatchObject({ score: null, problem: 'Division by zero: effort is 0.' }));

  it('says why a square root or logarithm has no value', () => {
    const custom = (formula: string): ScoringModel => ({
      ...model('impact-effort'),
      id: 'custom',
      preset: 'custom',
      formula,
    });
    expect(
      scoreWith(custom('sqrt(impact - effort)'), { ...noDemand, manual: { impact: 1, effort: 5 } }),
    ).toMatchObject({
      score: null,
      problem: 'The square root of impact - effort (-4) has no value.',
    });
    expect(scoreWith(custom('log(impact - 1)'), noDemand)).toMatchObject({
      score: null,
      problem: 'The logarithm of impact - 1 (0) has no value.',
    });
    expect(
      scoreWith(custom('impact ^ 10000'), { ...noDemand, manual: { impact: 10 } }),
    ).toMatchObject({
      score: null,
      problem: 'The formula gives no finite number for these values.',
    });
  });

  it('keeps a score that avoided the zero divisor', () => {
    const guarded: ScoringModel = {
      ...model('impact-effort'),
      id: 'guarded',
      preset: 'custom',
      formula: 'min(impact / effort, 10)',
    };
    expect(scoreWith(guarded, { ...noDemand, manual: { effort: 0 } })).toMatchObject({
      score: 10,
      problem: null,
    });
  });

  it('rounds and uses a logarithm base when asked', () => {
    const custom: ScoringModel = {
      ...model('impact-effort'),
      id: 'custom',
      preset: 'custom',
      formula: 'round(log(impact, 2) / effort, 2)',
    };
    expect(scoreWith(custom, { ...noDemand, manual: { impact: 8, effort: 7 } }).score).toBe(0.43);
  });

  it('scores nothing, with the reason, when a stored formula no longer parses', () => {
    const broken = scorerFor({ ...model('rice'), formula: 'reach * gone' });
    expect(broken({ ...noDemand, votes: 4 })).toMatchObject({
      score: null,
      problem: expect.stringContaining('Unknown factor "gone"') as string,
    });
  });
});
