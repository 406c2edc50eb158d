import {
  evolveFeedbackListRow,
  type FeedbackListEvent,
  type FeedbackListRow,
} from './feedback-list.projection';

const feedbackId = '5a2b7c1d-2e3f-4a5b-9c6d-7e8f9a0b1c2d';
const workspaceId = 'ws';
let clock = 0;
const at = () => new Date(Date.UTC(2026, 0, 1, 0, 0, clock++)).toISOString();
const on = <E extends Omit<FeedbackListEvent, 'streamId' | 'workspaceId' | 'occurredAt'>>(
  streamId: string,
  event: E,
) => ({ ...event, streamId, workspaceId, occurredAt: at() }) as FeedbackListEvent;

const submitted = () =>
  on(`feedback-${feedbackId}`, {
    type: 'FeedbackSubmitted',
    streamVersion: 1,
    data: { feedbackId, title: 'Bulk edit', description: '', boardId: 'general', authorId: 'a' },
  });
const vote = (voterId: string, streamVersion: number) =>
  on(`ballot-${feedbackId}-${voterId}`, {
    type: 'VoteCast',
    streamVersion,
    data: { feedbackId, voterId },
  });
const unvote = (voterId: string, streamVersion: number) =>
  on(`ballot-${feedbackId}-${voterId}`, {
    type: 'VoteWithdrawn',
    streamVersion,
    data: { feedbackId, voterId },
  });

const project = (events: FeedbackListEvent[]) =>
  events.reduce<FeedbackListRow | undefined>(evolveFeedbackListRow, undefined);

describe('feedback list projection', () => {
  it('given a submission, shows an open row at version 1 with no votes', () => {
    const event = submitted();
    expect(project([event])).toEqual({
      feedbackId,
      workspaceId,
      title: 'Bulk edit',
      description: '',
      boardId: 'general',
      authorId: 'a',
      status: 'open',
      voteCount: 0,
      voterCount: 0,
      version: 1,
      createdAt: event.occurredAt,
      lastActivityAt: event.occurredAt,
    });
  });

  it('counts standing votes and distinct voters separately', () => {
    const row = project([submitted(), vote('x', 1), vote('y', 1), unvote('x', 2), vote('x', 3)]);
    expect(row).toMatchObject({ voteCount: 2, voterCount: 2 });
    const withdrawn = project([submitted(), vote('x', 1), unvote('x', 2)]);
    expect(withdrawn).toMatchObject({ voteCount: 0, voterCount: 1 });
  });

  it('moves last activity with every event but keeps the version of the feedback stream', () => {
    const first = submitted();
    const last = vote('z', 1);
    const row = project([first, last]);
    expect(row).toMatchObject({ version: 1, lastActivityAt: last.occurredAt });
  });

  it('applies edits and status changes with their stream version', () => {
    const row = project([
      submitted(),
      on(`feedback-${feedbackId}`, {
        type: 'FeedbackEdited',
        streamVersion: 2,
        data: { feedbackId, title: 'Bulk editing', editedBy: 'a' },
      }),
      on(`feedback-${feedbackId}`, {
        type: 'FeedbackStatusChanged',
        streamVersion: 3,
        data: { feedbackId, from: 'open', to: 'planned', changedBy: 'po' },
      }),
    ]);
    expect(row).toMatchObject({ title: 'Bulk editing', status: 'planned', version: 3 });
  });

  it('ignores a feedback event it has already applied', () => {
    const edit = on(`feedback-${feedbackId}`, {
      type: 'FeedbackEdited',
      streamVersion: 2,
      data: { feedbackId, title: 'Bulk editing', editedBy: 'a' },
    });
    const once = project([submitted(), edit]);
    expect(evolveFeedbackListRow(once, edit)).toBe(once);
  });

  it('ignores votes for feedback it has never seen', () => {
    expect(project([vote('x', 1)])).toBeUndefined();
  });
});
