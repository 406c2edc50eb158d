import {
  SLACK_CONTEXT_ELEMENTS_MAX,
  SLACK_HEADER_MAX,
  SLACK_SECTION_MAX,
  slackMessageOf,
  type SlackEvent,
  type SlackMessage,
  type SlackNames,
} from './slack-message';

const publicUrl = 'https://chorus.acme.example/';
const feedbackId = '0b8e4c62-5d1f-4a7e-8c3b-2f9d6e1a4b57';
const noNames: SlackNames = {
  actor: null,
  feedbackTitle: null,
  boardName: null,
  statusName: null,
  releaseName: null,
  itemTitle: null,
};
const event = (over: Partial<SlackEvent>): SlackEvent => ({
  type: 'FeedbackSubmitted',
  data: {},
  occurredAt: '2026-11-28T09:30:00.000Z',
  subject: `feedback-${feedbackId}`,
  names: noNames,
  ...over,
});

/** Slack refuses a message that breaks these; every message is checked against them. */
const withinBlockKitLimits = (message: SlackMessage): SlackMessage => {
  expect(message.blocks.length).toBeLessThanOrEqual(50);
  expect(message.text.length).toBeLessThanOrEqual(SLACK_SECTION_MAX);
  for (const block of message.blocks) {
    switch (block.type) {
      case 'header':
        expect(block.text.type).toBe('plain_text');
        expect(block.text.text.length).toBeGreaterThan(0);
        expect(block.text.text.length).toBeLessThanOrEqual(SLACK_HEADER_MAX);
        break;
      case 'section':
        expect(block.text.text.length).toBeLessThanOrEqual(SLACK_SECTION_MAX);
        break;
      case 'context':
        expect(block.elements.length).toBeGreaterThan(0);
        expect(block.elements.length).toBeLessThanOrEqual(SLACK_CONTEXT_ELEMENTS_MAX);
        for (const element of block.elements) {
          expect(element.text.length).toBeLessThanOrEqual(SLACK_SECTION_MAX);
        }
        break;
    }
  }
  return message;
};

const headerOf = (message: SlackMessage) =>
  message.blocks.find((b) => b.type === 'header')?.text.text;
const sectionOf = (message: SlackMessage) =>
  message.blocks.find((b) => b.type === 'section')?.text.text ?? '';

describe('slackMessageOf', () => {
  it('says who submitted what, where, with a link to the item', () => {
    const message = withinBlockKitLimits(
      slackMessageOf(
        event({
          data: { feedbackId, title: 'Dark mode', description: 'Easier on the eyes at night.' },
          names: { ...noNames, actor: 'Cleo', boardName: 'Ideas' },
        }),
        publicUrl,
      ),
    );
    expect(message.text).toBe('New feedback: Dark mode — by Cleo, Board: Ideas');
    expect(headerOf(message)).toBe('New feedback: Dark mode');
    expect(sectionOf(message)).toBe(
      `Easier on the eyes at night.\n<https://chorus.acme.example/?feedback=${feedbackId}|Open in Chorus>`,
    );
  });

  it('names a status change by the new status', () =>
    expect(
      slackMessageOf(
        event({
          type: 'FeedbackStatusChanged',
          data: { feedbackId, from: 'open', to: 'planned' },
          names: { ...noNames, feedbackTitle: 'Dark mode', statusName: 'Planned', actor: 'Pat' },
        }),
        publicUrl,
      ).text,
    ).toBe('Status: Dark mode → Planned — by Pat'));

  it('announces a published release, with a link to it', () => {
    const message = slackMessageOf(
      event({
        type: 'ReleasePublished',
        subject: 'release-r1',
        data: { releaseId: 'r1', itemIds: ['a', 'b'], feedbackIds: ['f'] },
        names: { ...noNames, releaseName: '2.4' },
      }),
      publicUrl,
    );
    expect(headerOf(message)).toBe('Release 2.4 published');
    expect(sectionOf(message)).toBe(
      '2 items shipped, answering 1 feedback item.\n<https://chorus.acme.example/releases/r1|Open in Chorus>',
    );
  });

  it('gives other events a generic message naming what happened', () => {
    const message = withinBlockKitLimits(
      slackMessageOf(
        event({ type: 'SprintStarted', subject: 'sprint-s1', data: { sprintId: 's1' } }),
        publicUrl,
      ),
    );
    expect(message.text).toBe('Sprint started');
    expect(sectionOf(message)).toBe(
      'sprint-s1\n<https://chorus.acme.example/sprints/s1|Open in Chorus>',
    );
  });

  it('stays within the limits however long the words are, keeping the link', () => {
    const message = withinBlockKitLimits(
      slackMessageOf(
        event({
          data: { feedbackId, title: 'T'.repeat(500), description: '&'.repeat(5000) },
          names: { ...noNames, actor: 'A'.repeat(4000) },
        }),
        publicUrl,
      ),
    );
    expect(headerOf(message)).toHaveLength(SLACK_HEADER_MAX);
    expect(headerOf(message)!.endsWith('…')).toBe(true);
    const section = sectionOf(message);
    expect(section.endsWith('|Open in Chorus>')).toBe(true);
    // Cut between escaped characters, never inside one.
    expect(section).toMatch(/^(&amp;)+…\n</);
  });

  it('escapes what people typed, so it cannot become a link or a mention', () => {
    const section = sectionOf(
      slackMessageOf(
        event({
          type: 'CommentPosted',
          data: { feedbackId, body: '<!channel> see <https://evil.example|here> & there' },
        }),
        publicUrl,
      ),
    );
    expect(section).toContain('&lt;!channel&gt; see &lt;https://evil.example|here&gt; &amp; there');
    const titled = slackMessageOf(
      event({ data: { feedbackId, title: '<!channel> urgent' } }),
      publicUrl,
    );
    expect(titled.text).toBe('New feedback: &lt;!channel&gt; urgent');
    expect(headerOf(titled)).toBe('New feedback: <!channel> urgent');
  });
});
