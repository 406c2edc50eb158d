import {
  defaultStatuses,
  defaultStatusKind,
  isVotingOpen,
  statusKinds,
  whyTransitionIsIllegal,
  type StatusDefinition,
} from './feedback-workflow';

describe('the default workflow', () => {
  it('has six statuses whose transitions all lead somewhere in it', () => {
    expect(defaultStatuses.map((s) => s.id)).toEqual([
      'open',
      'under_review',
      'planned',
      'in_progress',
      'done',
      'declined',
    ]);
    const ids = new Set(defaultStatuses.map((s) => s.id));
    for (const status of defaultStatuses) {
      expect(status.transitions.filter((t) => !ids.has(t) || t === status.id)).toEqual([]);
      expect(statusKinds).toContain(status.kind);
      expect(status.colour).toMatch(/^#[0-9a-f]{6}$/);
    }
  });

  it('gives the kind of a default status, and open for anything else', () => {
    expect(defaultStatusKind('planned')).toBe('active');
    expect(defaultStatusKind('done')).toBe('done');
    expect(defaultStatusKind('declined')).toBe('closed');
    expect(defaultStatusKind('shipped')).toBe('open');
  });

  it('accepts votes in open and active statuses only', () => {
    expect(statusKinds.filter(isVotingOpen)).toEqual(['open', 'active']);
  });
});

describe('whyTransitionIsIllegal', () => {
  const statuses: StatusDefinition[] = [
    ...defaultStatuses,
    { id: 'shipped', name: 'Shipped', colour: '#22c55e', kind: 'done', transitions: [] },
    { id: 'icebox', name: 'Icebox', colour: '#94a3b8', kind: 'closed', transitions: [] },
    {
      id: 'beta',
      name: 'Beta',
      colour: '#0ea5e9',
      kind: 'active',
      transitions: ['shipped', 'gone'],
    },
  ];

  it('allows a move the workflow lists', () => {
    expect(whyTransitionIsIllegal(statuses, 'open', 'planned')).toBeNull();
    expect(whyTransitionIsIllegal(statuses, 'beta', 'shipped')).toBeNull();
  });

  it('refuses a target the workflow does not have, listing the ones it has', () =>
    expect(whyTransitionIsIllegal(defaultStatuses, 'open', 'nowhere')).toBe(
      'There is no status "nowhere" in this workspace\'s workflow; it has open, under_review, planned, in_progress, done, declined.',
    ));

  it('lets feedback leave a status the workflow no longer has', () =>
    expect(whyTransitionIsIllegal(statuses, 'retired', 'open')).toBeNull());

  it('names the statuses feedback must reach first, by their names', () => {
    expect(whyTransitionIsIllegal(statuses, 'open', 'done')).toBe(
      'Feedback cannot move from open to done: it must be in progress first.',
    );
    expect(whyTransitionIsIllegal(statuses, 'beta', 'open')).toBe(
      'Feedback cannot move from beta to open: it must be under review or declined first.',
    );
    expect(whyTransitionIsIllegal(statuses, 'beta', 'planned')).toBe(
      'Feedback cannot move from beta to planned: it must be open, under review or in progress first.',
    );
  });

  it('otherwise says where feedback can go, skipping statuses that do not exist', () =>
    expect(whyTransitionIsIllegal(statuses, 'beta', 'icebox')).toBe(
      'Feedback cannot move from beta to icebox; from beta it can move to shipped.',
    ));

  it('says a status with no way out is final: done has shipped', () => {
    expect(whyTransitionIsIllegal(statuses, 'done', 'open')).toBe(
      'Feedback that is done has shipped and cannot move to open.',
    );
    expect(whyTransitionIsIllegal(statuses, 'shipped', 'beta')).toBe(
      'Feedback that is shipped has shipped and cannot move to beta.',
    );
    expect(whyTransitionIsIllegal(statuses, 'icebox', 'open')).toBe(
      'Feedback that is icebox cannot move to open.',
    );
  });
});
