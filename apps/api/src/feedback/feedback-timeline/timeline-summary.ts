import { feedbackSourceLabels, type Catalog, type FeedbackSourceName } from '@chorus/domain';

export type TimelineNames = {
  catalog: Catalog;
  person: (id: string) => string;
  feedbackTitle: (id: string) => string;
};

const quoted = (text: string) => `“${text}”`;

/**
 * One sentence per event, with today's names for statuses, tags, boards and people: the events
 * keep ids, so renaming a status renames it throughout history without rewriting any of it.
 */
export const summarise = (
  type: string,
  data: Record<string, unknown>,
  actorName: string,
  names: TimelineNames,
): string => {
  const text = (key: string) => (typeof data[key] === 'string' ? data[key] : '');
  const status = (id: string) => names.catalog.statuses.find((s) => s.id === id)?.name ?? id;
  const tag = (id: string) => names.catalog.tags.find((t) => t.id === id)?.name ?? id;
  const board = (id: string) => names.catalog.boards.find((b) => b.id === id)?.name ?? id;
  const category = (id: string) =>
    names.catalog.boards.flatMap((b) => b.categories).find((c) => c.id === id)?.name ?? id;
  const source = () => feedbackSourceLabels[text('source') as FeedbackSourceName] ?? 'the app';
  switch (type) {
    case 'FeedbackSubmitted': {
      const capturedBy = text('capturedBy');
      const onBehalf = capturedBy
        ? `${names.person(capturedBy)} recorded feedback from ${names.person(text('authorId'))} (${source()})`
        : `${names.person(text('authorId'))} submitted this`;
      const quote = text('quote') ? `: ${quoted(text('quote'))}` : '';
      const pending = data.moderation === 'pending' ? ', awaiting approval' : '';
      return `${onBehalf} on ${board(text('boardId'))}${pending}${quote}`;
    }
    case 'FeedbackEdited': {
      const parts = [
        data.title !== undefined ? `renamed it to ${quoted(text('title'))}` : null,
        data.description !== undefined ? 'edited the description' : null,
        data.boardId !== undefined ? `moved it to ${board(text('boardId'))}` : null,
      ].filter((p): p is string => p !== null);
      return `${actorName} ${parts.join(', ')}`;
    }
    case 'FeedbackStatusChanged':
      return `${actorName} moved it from ${status(text('from'))} to ${status(text('to'))}`;
    case 'FeedbackTagged':
      return `${actorName} tagged it ${tag(text('tagId'))}`;
    case 'FeedbackUntagged':
      return `${actorName} removed the tag ${tag(text('tagId'))}`;
    case 'FeedbackCategorised':
      return data.categoryId
        ? `${actorName} filed it under ${category(text('categoryId'))}`
        : `${actorName} took it out of its category`;
    case 'FeedbackApproved':
      return `${actorName} approved it`;
    case 'FeedbackRejected':
      return `${actorName} rejected it${text('reason') ? `: ${text('reason')}` : ''}`;
    case 'FeedbackMarkedSpam':
      return `${actorName} marked it as spam`;
    case 'FeedbackSpamCleared':
      return `${actorName} cleared the spam mark`;
    case 'FeedbackMerged':
      return `${actorName} merged it into ${quoted(names.feedbackTitle(text('intoId')))}`;
    case 'FeedbackDuplicateAbsorbed':
      return `${actorName} merged ${quoted(names.feedbackTitle(text('duplicateId')))} into it`;
    case 'FeedbackUnmerged':
      return `${actorName} unmerged it from ${quoted(names.feedbackTitle(text('fromId')))}`;
    case 'FeedbackDuplicateReleased':
      return `${actorName} unmerged ${quoted(names.feedbackTitle(text('duplicateId')))} from it`;
    case 'VoteCast': {
      const voter = names.person(text('voterId'));
      const capturedBy = text('capturedBy');
      const quote = text('quote') ? `: ${quoted(text('quote'))}` : '';
      return capturedBy
        ? `${names.person(capturedBy)} added a vote for ${voter} (${source()})${quote}`
        : `${voter} voted`;
    }
    case 'VoteWithdrawn':
      return `${names.person(text('voterId'))} withdrew their vote`;
    case 'CommentPosted': {
      const where = data.visibility === 'internal' ? 'an internal note' : 'a comment';
      return `${actorName} ${data.parentId ? `replied with ${where}` : `wrote ${where}`}`;
    }
    case 'CommentEdited':
      return `${actorName} edited a comment`;
    case 'CommentDeleted':
      return `${actorName} deleted a comment`;
    case 'FeedbackFollowed':
      return `${names.person(text('personId'))} followed it`;
    case 'FeedbackUnfollowed':
      return `${names.person(text('personId'))} unfollowed it`;
    default:
      return `${actorName}: ${type}`;
  }
};
