import { feedbackDecider, type FeedbackCommand } from './feedback.decider';
import type { FeedbackEvent } from './feedback.events';
import type { FeedbackStatus } from './feedback-status';
import { ActionForbidden, AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import { deciderSpec } from '../testing/decider-spec';
import type { Actor } from '../shared/actor';

const spec = deciderSpec(feedbackDecider);
const feedbackId = '7b0c3c52-1c7a-4c53-9a4b-1f3e2b7b9f10';
const author: Actor = { id: 'user-author', role: 'customer' };
const stranger: Actor = { id: 'user-stranger', role: 'customer' };
const teammate: Actor = { id: 'user-teammate', role: 'staff' };

const submitted: FeedbackEvent = {
  type: 'FeedbackSubmitted',
  data: {
    feedbackId,
    title: 'Dark mode',
    description: 'Please add a **dark** theme.',
    boardId: 'general',
    authorId: author.id,
  },
};
const statusChanged = (from: FeedbackStatus, to: FeedbackStatus): FeedbackEvent => ({
  type: 'FeedbackStatusChanged',
  data: { feedbackId, from, to, changedBy: teammate.id },
});
const changeStatus = (status: FeedbackStatus, actor: Actor = teammate): FeedbackCommand => ({
  type: 'ChangeFeedbackStatus',
  feedbackId,
  status,
  actor,
});

describe('SubmitFeedback', () => {
  const submit = (over: Partial<Extract<FeedbackCommand, { type: 'SubmitFeedback' }>> = {}) =>
    ({
      type: 'SubmitFeedback',
      feedbackId,
      title: '  Dark mode  ',
      actor: author,
      ...over,
    }) as const;

  it('submits with a trimmed title, an empty description and the general board by default', () =>
    spec
      .given([])
      .when(submit())
      .then([
        {
          type: 'FeedbackSubmitted',
          data: {
            feedbackId,
            title: 'Dark mode',
            description: '',
            boardId: 'general',
            authorId: author.id,
          },
        },
      ]));

  it('keeps the markdown description and the chosen board', () =>
    spec
      .given([])
      .when(submit({ description: '# Why\n- it hurts', boardId: 'mobile-app' }))
      .then([
        {
          type: 'FeedbackSubmitted',
          data: {
            feedbackId,
            title: 'Dark mode',
            description: '# Why\n- it hurts',
            boardId: 'mobile-app',
            authorId: author.id,
          },
        },
      ]));

  it.each([
    ['ab', /at least 3/],
    ['   ab   ', /at least 3/],
    ['x'.repeat(201), /at most 200/],
  ])('rejects the title %j', (title, message) =>
    spec.given([]).when(submit({ title })).thenThrows(DomainRuleViolation, message),
  );

  it('accepts titles of exactly 3 and 200 characters', () => {
    expect(feedbackDecider.decide(submit({ title: 'abc' }), { exists: false })).toHaveLength(1);
    expect(
      feedbackDecider.decide(submit({ title: 'x'.repeat(200) }), { exists: false }),
    ).toHaveLength(1);
  });

  it('rejects a description over 20,000 characters', () =>
    spec
      .given([])
      .when(submit({ description: 'x'.repeat(20_001) }))
      .thenThrows(DomainRuleViolation, /at most 20000/));

  it('rejects a malformed board id', () =>
    spec
      .given([])
      .when(submit({ boardId: 'Not A Board' }))
      .thenThrows(DomainRuleViolation, /Board id/));

  it('names the field at fault', () => {
    try {
      feedbackDecider.decide(submit({ title: 'a' }), { exists: false });
      throw new Error('expected a rule violation');
    } catch (error) {
      expect((error as DomainRuleViolation).field).toBe('title');
    }
  });

  it('cannot submit the same feedback twice', () =>
    spec
      .given([submitted])
      .when(submit())
      .thenThrows(DomainRuleViolation, /already been submitted/));
});

describe('EditFeedback', () => {
  const edit = (
    actor: Actor,
    changes: { title?: string; description?: string; boardId?: string },
  ) => ({ type: 'EditFeedback', feedbackId, actor, ...changes }) as const;

  it('lets the author edit the title', () =>
    spec
      .given([submitted])
      .when(edit(author, { title: 'Dark theme' }))
      .then([
        { type: 'FeedbackEdited', data: { feedbackId, title: 'Dark theme', editedBy: author.id } },
      ]));

  it('lets a teammate edit someone else’s feedback', () =>
    spec
      .given([submitted])
      .when(edit(teammate, { description: 'Clarified', boardId: 'mobile-app' }))
      .then([
        {
          type: 'FeedbackEdited',
          data: {
            feedbackId,
            description: 'Clarified',
            boardId: 'mobile-app',
            editedBy: teammate.id,
          },
        },
      ]));

  it('forbids another customer from editing', () =>
    spec
      .given([submitted])
      .when(edit(stranger, { title: 'Mine now' }))
      .thenThrows(ActionForbidden));

  it('records nothing when nothing changes', () =>
    spec
      .given([submitted])
      .when(edit(author, { title: 'Dark mode ' }))
      .thenNothingHappens());

  it('validates the new title', () =>
    spec
      .given([submitted])
      .when(edit(author, { title: 'no' }))
      .thenThrows(DomainRuleViolation, /at least 3/));

  it('cannot edit feedback that does not exist', () =>
    spec
      .given([])
      .when(edit(author, { title: 'Dark theme' }))
      .thenThrows(AggregateNotFound));
});

describe('ChangeFeedbackStatus', () => {
  it('moves open feedback under review', () =>
    spec
      .given([submitted])
      .when(changeStatus('under_review'))
      .then([statusChanged('open', 'under_review')]));

  it('walks the whole workflow to done', () =>
    spec
      .given([
        submitted,
        statusChanged('open', 'under_review'),
        statusChanged('under_review', 'planned'),
        statusChanged('planned', 'in_progress'),
      ])
      .when(changeStatus('done'))
      .then([statusChanged('in_progress', 'done')]));

  it('declines from any status before done', () =>
    spec
      .given([submitted, statusChanged('open', 'planned')])
      .when(changeStatus('declined'))
      .then([statusChanged('planned', 'declined')]));

  it('reopens declined feedback', () =>
    spec
      .given([submitted, statusChanged('open', 'declined')])
      .when(changeStatus('open'))
      .then([statusChanged('declined', 'open')]));

  it('explains why open feedback cannot jump to done', () =>
    spec
      .given([submitted])
      .when(changeStatus('done'))
      .thenThrows(
        DomainRuleViolation,
        'Feedback cannot move from open to done: it must be in progress first.',
      ));

  it('explains why open feedback cannot jump to in progress', () =>
    spec
      .given([submitted])
      .when(changeStatus('in_progress'))
      .thenThrows(DomainRuleViolation, /must be planned first/));

  it('explains that done feedback has shipped', () =>
    spec
      .given([
        submitted,
        statusChanged('open', 'planned'),
        statusChanged('planned', 'in_progress'),
        statusChanged('in_progress', 'done'),
      ])
      .when(changeStatus('open'))
      .thenThrows(DomainRuleViolation, /has shipped/));

  it('explains that declined feedback must be reopened first', () =>
    spec
      .given([submitted, statusChanged('open', 'declined')])
      .when(changeStatus('planned'))
      .thenThrows(DomainRuleViolation, /must be reopened/));

  it('records nothing when the status is already the requested one', () =>
    spec.given([submitted]).when(changeStatus('open')).thenNothingHappens());

  it('forbids customers from changing status', () =>
    spec.given([submitted]).when(changeStatus('planned', author)).thenThrows(ActionForbidden));

  it('cannot change the status of feedback that does not exist', () =>
    spec.given([]).when(changeStatus('planned')).thenThrows(AggregateNotFound));
});
