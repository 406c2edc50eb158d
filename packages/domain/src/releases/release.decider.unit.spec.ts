import type { Actor } from '../shared/actor';
import { ActionForbidden, AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import { deciderSpec } from '../testing/decider-spec';
import { evolveBacklogItem, initialBacklogItem, type BacklogItem } from '../backlog/backlog-item';
import type { BacklogItemEvent } from '../backlog/backlog.events';
import { releaseDecider, type ReleaseCommand } from './release.decider';
import { evolveRelease, initialRelease } from './release';
import { releaseStreamId, type ReleaseEvent } from './release.events';

const spec = deciderSpec(releaseDecider);
const releaseId = '0f1e2d3c-4b5a-4968-8776-655443322110';
const itemId = '11111111-2222-4333-8444-555555555555';
const otherItemId = '66666666-7777-4888-8999-aaaaaaaaaaaa';
const sprintId = 'bbbbbbbb-cccc-4ddd-8eee-ffffffffffff';
const feedbackId = '7b0c3c52-1c7a-4c53-9a4b-1f3e2b7b9f10';
const teammate: Actor = { id: 'user-teammate', role: 'teammate' };
const admin: Actor = { id: 'user-admin', role: 'admin' };
const customer: Actor = { id: 'user-customer', role: 'customer' };
const now = '2027-03-01T10:00:00.000Z';

/** An item folded from its stream, taken as far as `upTo` in its life. */
const backlogItem = (
  id: string,
  upTo: 'backlog' | 'in_progress' | 'accepted' | 'released',
  title = 'Dark mode',
): BacklogItem => {
  const by = teammate.id;
  const life: BacklogItemEvent[] = [
    {
      type: 'BacklogItemCreated',
      data: {
        itemId: id,
        kind: 'story',
        parentId: null,
        title,
        description: '',
        acceptanceCriteria: [],
        estimate: 3,
        labels: [],
        ownerId: null,
        rank: 'a0',
        createdBy: by,
      },
    },
    { type: 'FeedbackLinkedToBacklogItem', data: { itemId: id, feedbackId, by } },
  ];
  if (upTo !== 'backlog') {
    life.push(
      { type: 'BacklogItemPlanned', data: { itemId: id, sprintId, by } },
      {
        type: 'BacklogItemWorkStateChanged',
        data: { itemId: id, sprintId, from: 'todo', to: 'in_progress', by },
      },
    );
  }
  if (upTo === 'accepted' || upTo === 'released') {
    life.push(
      {
        type: 'BacklogItemWorkStateChanged',
        data: { itemId: id, sprintId, from: 'in_progress', to: 'done', by },
      },
      { type: 'BacklogItemAccepted', data: { itemId: id, sprintId, points: 3, by } },
    );
  }
  if (upTo === 'released') {
    life.push({
      type: 'BacklogItemReleased',
      data: { itemId: id, releaseId: '99999999-9999-4999-8999-999999999999', by },
    });
  }
  return life.reduce(evolveBacklogItem, initialBacklogItem());
};

const created: ReleaseEvent = {
  type: 'ReleaseCreated',
  data: { releaseId, name: 'Spring release', date: '2027-03-15', by: teammate.id },
};
const itemAdded = (id = itemId): ReleaseEvent => ({
  type: 'ReleaseItemAdded',
  data: { releaseId, itemId: id, by: teammate.id },
});
const written: ReleaseEvent = {
  type: 'ChangelogEntryWritten',
  data: { releaseId, title: 'Dark mode is here', body: '## Dark mode\nAt last.', by: teammate.id },
};
const scheduled = (publishAt = '2027-03-02T09:00:00.000Z'): ReleaseEvent => ({
  type: 'ChangelogEntryScheduled',
  data: { releaseId, publishAt, by: admin.id },
});
const published: ReleaseEvent = {
  type: 'ReleasePublished',
  data: {
    releaseId,
    publishedAt: now,
    itemIds: [itemId],
    feedbackIds: [feedbackId],
    by: teammate.id,
  },
};
const ready = [created, itemAdded(), written];

const publishNow = (
  items: Record<string, BacklogItem> = { [itemId]: backlogItem(itemId, 'accepted') },
  actor: Actor = teammate,
): ReleaseCommand => ({ type: 'PublishRelease', releaseId, items, now, actor });

describe('CreateRelease', () => {
  const create = (over: Partial<Extract<ReleaseCommand, { type: 'CreateRelease' }>> = {}) =>
    ({
      type: 'CreateRelease',
      releaseId,
      name: '  Spring release ',
      date: '2027-03-15',
      actor: teammate,
      ...over,
    }) as const;

  it('creates a draft release with a trimmed name', () =>
    spec.given([]).when(create()).then([created]));

  it('names the field at fault', () => {
    spec
      .given([])
      .when(create({ name: ' ' }))
      .thenThrows(DomainRuleViolation, /needs a name/);
    spec
      .given([])
      .when(create({ date: '15/03/2027' }))
      .thenThrows(DomainRuleViolation, /like 2027-01-31/);
  });

  it('is for teammates only', () =>
    spec
      .given([])
      .when(create({ actor: customer }))
      .thenThrows(ActionForbidden));

  it('cannot create the same release twice', () =>
    spec
      .given([created])
      .when(create())
      .thenThrows(DomainRuleViolation, /already exists/));
});

describe('EditRelease', () => {
  const edit = (changes: { name?: string; date?: string }, actor: Actor = teammate) =>
    ({ type: 'EditRelease', releaseId, ...changes, actor }) as const;

  it('records only what changed', () =>
    spec
      .given([created])
      .when(edit({ name: 'Spring release', date: '2027-03-20' }))
      .then([{ type: 'ReleaseEdited', data: { releaseId, date: '2027-03-20', by: teammate.id } }]));

  it('records nothing when nothing changes', () =>
    spec
      .given([created])
      .when(edit({ name: 'Spring release' }))
      .thenNothingHappens());

  it('cannot edit a published release, nor one that does not exist', () => {
    spec
      .given([...ready, published])
      .when(edit({ name: 'Renamed' }))
      .thenThrows(
        DomainRuleViolation,
        'Release "Spring release" is published: it can no longer be changed.',
      );
    spec
      .given([])
      .when(edit({ name: 'Renamed' }))
      .thenThrows(AggregateNotFound);
  });

  it('is for teammates only', () =>
    spec
      .given([created])
      .when(edit({ name: 'Mine' }, customer))
      .thenThrows(ActionForbidden));
});

describe('AddItem', () => {
  const add = (item: BacklogItem, id = itemId) =>
    ({ type: 'AddItem', releaseId, itemId: id, item, actor: teammate }) as const;

  it('adds an accepted item', () =>
    spec
      .given([created])
      .when(add(backlogItem(itemId, 'accepted')))
      .then([itemAdded()]));

  it('adds an item once: a second time is a no-op', () =>
    spec
      .given([created, itemAdded()])
      .when(add(backlogItem(itemId, 'accepted')))
      .thenNothingHappens());

  it.each([
    ['backlog', 'still in the backlog'],
    ['in_progress', 'in progress'],
    ['released', 'already released'],
  ] as const)('refuses an item that is %s, saying why', (upTo, words) =>
    spec
      .given([created])
      .when(add(backlogItem(itemId, upTo)))
      .thenThrows(
        DomainRuleViolation,
        `"Dark mode" is ${words}: only items the Product Owner accepted can be released.`,
      ),
  );

  it('names the item as the field at fault', () => {
    try {
      releaseDecider.decide(
        add(backlogItem(itemId, 'backlog')),
        evolveRelease(initialRelease(), created),
      );
    } catch (error) {
      expect((error as DomainRuleViolation).field).toBe('itemId');
      return;
    }
    throw new Error('expected a rule violation');
  });

  it('cannot add an item that does not exist', () =>
    spec.given([created]).when(add(initialBacklogItem())).thenThrows(AggregateNotFound));

  it('cannot add to a published release', () =>
    spec
      .given([...ready, published])
      .when(add(backlogItem(otherItemId, 'accepted'), otherItemId))
      .thenThrows(DomainRuleViolation, /is published/));
});

describe('RemoveItem', () => {
  const remove = (id = itemId) =>
    ({ type: 'RemoveItem', releaseId, itemId: id, actor: teammate }) as const;

  it('removes an item of the release', () =>
    spec
      .given([created, itemAdded()])
      .when(remove())
      .then([{ type: 'ReleaseItemRemoved', data: { releaseId, itemId, by: teammate.id } }]));

  it('is a no-op for an item not in the release', () =>
    spec.given([created]).when(remove()).thenNothingHappens());

  it('keeps a scheduled release shippable: its last item stays until it is unscheduled', () => {
    spec
      .given([...ready, scheduled()])
      .when(remove())
      .thenThrows(DomainRuleViolation, /unschedule it before removing its last item/);
    spec
      .given([...ready, itemAdded(otherItemId), scheduled()])
      .when(remove())
      .then([{ type: 'ReleaseItemRemoved', data: { releaseId, itemId, by: teammate.id } }]);
  });
});

describe('WriteChangelogEntry', () => {
  const write = (title: string, body: string) =>
    ({ type: 'WriteChangelogEntry', releaseId, title, body, actor: teammate }) as const;

  it('saves the markdown entry with a trimmed title', () =>
    spec
      .given([created])
      .when(write(' Dark mode is here ', '## Dark mode\nAt last.'))
      .then([written]));

  it('records nothing when the entry is unchanged', () =>
    spec
      .given([created, written])
      .when(write('Dark mode is here', '## Dark mode\nAt last.'))
      .thenNothingHappens());

  it('validates title and body', () => {
    spec
      .given([created])
      .when(write('Hi', ''))
      .thenThrows(DomainRuleViolation, /at least 3/);
    spec
      .given([created])
      .when(write('Dark mode', 'x'.repeat(50_001)))
      .thenThrows(DomainRuleViolation, /50,000/);
  });
});

describe('ScheduleChangelog and UnscheduleChangelog', () => {
  const schedule = (publishAt: string, actor: Actor = admin) =>
    ({ type: 'ScheduleChangelog', releaseId, publishAt, now, actor }) as const;
  const unschedule = { type: 'UnscheduleChangelog', releaseId, actor: admin } as const;

  it('schedules a time in the future, in UTC', () =>
    spec.given(ready).when(schedule('2027-03-02T10:00:00+01:00')).then([scheduled()]));

  it('refuses a time that has passed', () =>
    spec
      .given(ready)
      .when(schedule('2027-03-01T09:59:59Z'))
      .thenThrows(DomainRuleViolation, /in the future/));

  it('refuses a time that is not one', () =>
    spec
      .given(ready)
      .when(schedule('tomorrow'))
      .thenThrows(DomainRuleViolation, /2027-01-31T09:00/));

  it('needs a changelog entry and an item', () => {
    spec
      .given([created, itemAdded()])
      .when(schedule('2027-03-02T09:00:00Z'))
      .thenThrows(DomainRuleViolation, 'Write the changelog entry before scheduling the release.');
    spec
      .given([created, written])
      .when(schedule('2027-03-02T09:00:00Z'))
      .thenThrows(
        DomainRuleViolation,
        'Add at least one accepted item before scheduling the release.',
      );
  });

  it('moves a schedule, and ignores scheduling the same time again', () => {
    spec
      .given([...ready, scheduled()])
      .when(schedule('2027-03-02T09:00:00Z'))
      .thenNothingHappens();
    spec
      .given([...ready, scheduled()])
      .when(schedule('2027-03-05T09:00:00Z'))
      .then([scheduled('2027-03-05T09:00:00.000Z')]);
  });

  it('unschedules back to a draft; a draft stays one', () => {
    spec
      .given([...ready, scheduled()])
      .when(unschedule)
      .then([{ type: 'ChangelogEntryUnscheduled', data: { releaseId, by: admin.id } }]);
    spec.given(ready).when(unschedule).thenNothingHappens();
    expect(
      [
        ...ready,
        scheduled(),
        { type: 'ChangelogEntryUnscheduled', data: { releaseId, by: admin.id } } as const,
      ].reduce(evolveRelease, initialRelease()),
    ).toMatchObject({ state: 'draft', schedule: null });
  });

  it('is for teammates only', () =>
    spec.given(ready).when(schedule('2027-03-02T09:00:00Z', customer)).thenThrows(ActionForbidden));
});

describe('PublishRelease', () => {
  it('publishes, listing its items and the feedback they answer', () =>
    spec.given(ready).when(publishNow()).then([published]));

  it('needs a changelog entry and at least one item', () => {
    spec
      .given([created, itemAdded()])
      .when(publishNow())
      .thenThrows(DomainRuleViolation, 'Write the changelog entry before publishing the release.');
    spec
      .given([created, written])
      .when(publishNow({}))
      .thenThrows(DomainRuleViolation, /at least one accepted item/);
  });

  it('refuses when an item is no longer accepted', () =>
    spec
      .given(ready)
      .when(publishNow({ [itemId]: backlogItem(itemId, 'in_progress') }))
      .thenThrows(
        DomainRuleViolation,
        /"Dark mode" is in progress.*Remove it from the release first/,
      ));

  it('refuses an item whose state was not supplied', () =>
    spec
      .given(ready)
      .when(publishNow({}))
      .thenThrows(DomainRuleViolation, /does not exist/));

  it('publishes once: a second publication is refused', () =>
    spec
      .given([...ready, published])
      .when(publishNow())
      .thenThrows(DomainRuleViolation, /was already published/));

  it('is for teammates only', () =>
    spec.given(ready).when(publishNow(undefined, customer)).thenThrows(ActionForbidden));

  it('folds to published', () =>
    expect([...ready, published].reduce(evolveRelease, initialRelease())).toMatchObject({
      state: 'published',
      publishedAt: now,
      itemIds: [itemId],
    }));
});

describe('PublishDueRelease', () => {
  const due = (at: string): ReleaseCommand => ({
    type: 'PublishDueRelease',
    releaseId,
    items: { [itemId]: backlogItem(itemId, 'accepted') },
    now: at,
  });

  it('publishes a due schedule in the name of whoever set it', () =>
    spec
      .given([...ready, scheduled('2027-03-01T09:00:00.000Z')])
      .when(due(now))
      .then([{ ...published, data: { ...published.data, by: admin.id } }]));

  it('does nothing before the time, once unscheduled, or once published', () => {
    spec
      .given([...ready, scheduled()])
      .when(due(now))
      .thenNothingHappens();
    spec.given(ready).when(due(now)).thenNothingHappens();
    spec
      .given([...ready, scheduled('2027-03-01T09:00:00.000Z'), published])
      .when(due(now))
      .thenNothingHappens();
  });

  it('lives in one stream per release', () =>
    expect(releaseStreamId(releaseId)).toBe(`release-${releaseId}`));
});
