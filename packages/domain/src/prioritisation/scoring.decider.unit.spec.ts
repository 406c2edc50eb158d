import type { Actor } from '../shared/actor';
import { fold } from '../shared/decider';
import { ActionForbidden, AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import { deciderSpec } from '../testing/decider-spec';
import { activeModel, builtInModels, segmentsCounted, toScoringModelView } from './scoring';
import { scoringDecider, type DefineScoringModel, type ScoringCommand } from './scoring.decider';
import type { ScoringEvent } from './scoring.events';

const teammate: Actor = { id: 'user-teammate', role: 'teammate' };
const customer: Actor = { id: 'user-customer', role: 'customer' };
const spec = deciderSpec(scoringDecider);

const define = (over: Partial<DefineScoringModel> = {}): DefineScoringModel => ({
  type: 'DefineScoringModel',
  modelId: 'enterprise-pull',
  name: ' Enterprise pull ',
  formula: ' enterprise * 10 + reach / effort ',
  factors: [
    {
      key: 'enterprise',
      name: 'Enterprise voters',
      source: { kind: 'segment_votes', segment: ' Enterprise ' },
    },
    { key: 'reach', name: 'Reach', source: { kind: 'votes' } },
    { key: 'effort', name: 'Effort', source: { kind: 'manual', default: 2 } },
  ],
  actor: teammate,
  ...over,
});

const defined: ScoringEvent = {
  type: 'ScoringModelDefined',
  data: {
    modelId: 'enterprise-pull',
    name: 'Enterprise pull',
    preset: 'custom',
    formula: 'enterprise * 10 + reach / effort',
    factors: [
      {
        key: 'enterprise',
        name: 'Enterprise voters',
        source: { kind: 'segment_votes', segment: 'Enterprise' },
      },
      { key: 'reach', name: 'Reach', source: { kind: 'votes' } },
      { key: 'effort', name: 'Effort', source: { kind: 'manual', default: 2 } },
    ],
    by: teammate.id,
  },
};
const activated: ScoringEvent = {
  type: 'ScoringModelActivated',
  data: { modelId: 'enterprise-pull', by: teammate.id },
};

/** The field a rule violation names. */
const fieldOf = (events: ScoringEvent[], command: ScoringCommand): string | undefined => {
  try {
    scoringDecider.decide(command, fold(scoringDecider, events));
  } catch (error) {
    if (error instanceof DomainRuleViolation) return error.field;
    throw error;
  }
  throw new Error('expected a rule violation');
};

describe('the scoring models of a workspace', () => {
  it('start as the built-in presets, RICE ranking the backlog', () => {
    const scoring = fold(scoringDecider, []);
    expect(scoring.models.map((m) => [m.id, m.preset])).toEqual([
      ['rice', 'rice'],
      ['ice', 'ice'],
      ['wsjf', 'wsjf'],
      ['impact-effort', 'impact_effort'],
    ]);
    expect(activeModel(scoring).id).toBe('rice');
    expect(toScoringModelView(scoring, activeModel(scoring))).toMatchObject({
      id: 'rice',
      formula: 'reach * impact * confidence / effort',
      active: true,
      builtIn: true,
    });
  });

  it('fold a tuned preset, a custom model, its activation and a removal', () => {
    const tunedIce: ScoringEvent = {
      type: 'ScoringModelDefined',
      data: { ...builtInModels[1]!, modelId: 'ice', formula: 'impact * ease', by: teammate.id },
    };
    const scoring = fold(scoringDecider, [
      defined,
      tunedIce,
      activated,
      { type: 'ScoringModelRemoved', data: { modelId: 'wsjf', by: teammate.id } },
    ]);
    expect(scoring.models.map((m) => m.id)).toEqual([
      'rice',
      'ice',
      'impact-effort',
      'enterprise-pull',
    ]);
    expect(scoring.models[1]!.formula).toBe('impact * ease');
    expect(activeModel(scoring).id).toBe('enterprise-pull');
    expect(toScoringModelView(scoring, scoring.models[3]!)).toMatchObject({
      active: true,
      builtIn: false,
    });
    expect(segmentsCounted(scoring)).toEqual(['Enterprise']);
  });
});

describe('DefineScoringModel', () => {
  it('defines a custom model with trimmed fields', () =>
    spec.given([]).when(define()).then([defined]));

  it('replaces a model whole, and records nothing when nothing changed', () => {
    spec
      .given([defined])
      .when(define({ formula: 'enterprise + reach' }))
      .then([{ ...defined, data: { ...defined.data, formula: 'enterprise + reach' } }]);
    spec.given([defined]).when(define()).thenNothingHappens();
  });

  it('tunes a built-in model, which keeps its preset', () =>
    spec
      .given([])
      .when(
        define({
          modelId: 'rice',
          name: 'RICE',
          formula: 'reach * impact * confidence / effort',
          factors: builtInModels[0]!.factors.map((f) =>
            f.key === 'confidence'
              ? { ...f, source: { kind: 'manual' as const, default: 0.5 } }
              : f,
          ),
        }),
      )
      .then([
        {
          type: 'ScoringModelDefined',
          data: {
            modelId: 'rice',
            name: 'RICE',
            preset: 'rice',
            formula: 'reach * impact * confidence / effort',
            factors: builtInModels[0]!.factors.map((f) =>
              f.key === 'confidence'
                ? { ...f, source: { kind: 'manual' as const, default: 0.5 } }
                : f,
            ),
            by: teammate.id,
          },
        },
      ]));

  it('refuses a formula with an error, pointing at the mistake', () =>
    spec
      .given([])
      .when(define({ formula: 'enterprize * 10' }))
      .thenThrows(
        DomainRuleViolation,
        'Unknown factor "enterprize" at character 1; the factors are enterprise, reach, effort.',
      ));

  it.each<[string, Partial<DefineScoringModel>]>([
    ['formula', { formula: 'reach * (effort' }],
    ['modelId', { modelId: 'Not An Id' }],
    ['name', { name: '  ' }],
    ['preset', { preset: 'rice' }],
    ['preset', { modelId: 'ice', preset: 'custom' }],
    ['factors', { factors: [] }],
    [
      'factors.1.key',
      {
        factors: [
          { key: 'reach', name: 'Reach', source: { kind: 'votes' } },
          { key: 'reach', name: 'Reach again', source: { kind: 'revenue' } },
        ],
      },
    ],
    ['factors.0.key', { factors: [{ key: 'Reach', name: 'Reach', source: { kind: 'votes' } }] }],
    [
      'factors.0.source.default',
      {
        factors: [{ key: 'reach', name: 'Reach', source: { kind: 'manual', default: Number.NaN } }],
      },
    ],
    [
      'factors.0.source.segment',
      {
        factors: [{ key: 'reach', name: 'Reach', source: { kind: 'segment_votes', segment: ' ' } }],
      },
    ],
    [
      'factors.0.source.kind',
      {
        factors: [
          {
            key: 'reach',
            name: 'Reach',
            source: { kind: 'mood' } as unknown as { kind: 'votes' },
          },
        ],
      },
    ],
  ])('refuses a bad %s, naming it', (field, over) =>
    expect(fieldOf([], define({ formula: 'reach', ...over }))).toBe(field),
  );

  it('is for teammates only', () =>
    spec
      .given([])
      .when(define({ actor: customer }))
      .thenThrows(ActionForbidden));
});

describe('RemoveScoringModel', () => {
  it('removes a model that does not rank the backlog, built-in ones too', () => {
    spec
      .given([defined])
      .when({ type: 'RemoveScoringModel', modelId: 'enterprise-pull', actor: teammate })
      .then([
        { type: 'ScoringModelRemoved', data: { modelId: 'enterprise-pull', by: teammate.id } },
      ]);
    spec
      .given([])
      .when({ type: 'RemoveScoringModel', modelId: 'ice', actor: teammate })
      .then([{ type: 'ScoringModelRemoved', data: { modelId: 'ice', by: teammate.id } }]);
  });

  it('refuses to remove the active model', () =>
    spec
      .given([defined, activated])
      .when({ type: 'RemoveScoringModel', modelId: 'enterprise-pull', actor: teammate })
      .thenThrows(
        DomainRuleViolation,
        'Enterprise pull ranks the backlog: activate another model before removing it.',
      ));

  it('says an unknown model does not exist', () =>
    spec
      .given([])
      .when({ type: 'RemoveScoringModel', modelId: 'nope', actor: teammate })
      .thenThrows(AggregateNotFound));
});

describe('ActivateScoringModel', () => {
  it('activates a model once', () => {
    spec
      .given([defined])
      .when({ type: 'ActivateScoringModel', modelId: 'enterprise-pull', actor: teammate })
      .then([activated]);
    spec
      .given([defined, activated])
      .when({ type: 'ActivateScoringModel', modelId: 'enterprise-pull', actor: teammate })
      .thenNothingHappens();
  });

  it('cannot activate a removed model', () =>
    spec
      .given([{ type: 'ScoringModelRemoved', data: { modelId: 'ice', by: teammate.id } }])
      .when({ type: 'ActivateScoringModel', modelId: 'ice', actor: teammate })
      .thenThrows(AggregateNotFound));

  it('is for teammates only', () =>
    spec
      .given([])
      .when({ type: 'ActivateScoringModel', modelId: 'ice', actor: customer })
      .thenThrows(ActionForbidden));
});
