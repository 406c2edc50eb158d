import type { MailFrame } from './mail-layout';
import { notificationMail, type NotificationMailView } from './notification-mails';
import { weeklyDigestMail } from './weekly-digest-mail';

const publicUrl = 'https://chorus.example.com';
const frame = (category: MailFrame['category']): MailFrame => ({
  workspaceName: 'Acme',
  recipientName: 'Cleo',
  category,
  unsubscribeUrl: `${publicUrl}/unsubscribe?token=abc.def`,
  settingsUrl: `${publicUrl}/settings/notifications`,
});
const darkMode = { title: 'Dark mode', url: `${publicUrl}/?feedback=1` };
const csv = { title: 'CSV export', url: `${publicUrl}/?feedback=2` };

/** The HTML's text, for checking it says what the text part says. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('notification mails', () => {
  const views: NotificationMailView[] = [
    {
      kind: 'feedback_shipped',
      publicUrl,
      releaseName: 'Spring',
      feedback: [darkMode],
      changelog: { title: 'Dark mode is here', body: 'Switch it on in **Settings**.' },
      changelogUrl: `${publicUrl}/p/acme/changelog`,
    },
    {
      kind: 'status_changed',
      publicUrl,
      feedback: darkMode,
      statusName: 'Planned',
      byName: 'Ada',
    },
    { kind: 'comment_posted', publicUrl, feedback: darkMode, byName: 'Ada', comment: 'Soon!' },
    { kind: 'feedback_merged', publicUrl, feedback: csv, into: darkMode, byName: 'Ada' },
    { kind: 'mentioned', publicUrl, feedback: darkMode, byName: 'Ada', comment: null },
  ];

  it.each(views.map((view) => [view.kind, view] as const))(
    '%s: a subject, and text and HTML parts saying the same, with the way out',
    (_, view) => {
      const mail = notificationMail(view, frame('comments'));
      expect(mail.subject).toContain('Dark mode');
      expect(mail.text).toContain('Hello Cleo,');
      expect(mail.text).toContain(darkMode.url);
      expect(mail.html).toContain(`href="${darkMode.url}"`);
      expect(mail.text).toContain(
        `Unsubscribe from emails about comments on feedback you follow (${publicUrl}/unsubscribe?token=abc.def)`,
      );
      expect(mail.html).toContain(`href="${publicUrl}/unsubscribe?token=abc.def"`);
      for (const line of mail.text.split('\n')) {
        // The text part shows links' addresses and markdown as typed; the HTML renders them.
        const words = line
          .replace(/ \(https:[^)]+\)/g, '')
          .replace(/^- |\*\*/g, '')
          .trim();
        if (words !== '' && !/^[=-]+$/.test(words)) expect(textOf(mail.html)).toContain(words);
      }
    },
  );

  it('tells a voter what shipped, with the release’s changelog entry', () => {
    const mail = notificationMail(views[0]!, frame('shipped'));
    expect(mail.subject).toBe('Shipped: Dark mode');
    expect(mail.text).toContain('What you asked for shipped in Spring:\n\n- Dark mode (');
    expect(mail.text).toContain(
      'Dark mode is here\n=================\n\nSwitch it on in **Settings**.',
    );
    expect(mail.html).toContain('<p>Switch it on in <strong>Settings</strong>.</p>');
    expect(mail.html).toContain(`href="${publicUrl}/p/acme/changelog"`);
    expect(
      notificationMail(
        { ...views[0]!, feedback: [darkMode, csv] } as NotificationMailView,
        frame('shipped'),
      ).subject,
    ).toBe('Shipped in Spring: 2 requests of yours');
  });

  it('escapes what people typed, and renders their markdown without script or remote images', () => {
    const payloads = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[click](javascript:alert(1))',
      '[data](data:text/html;base64,PHNjcmlwdD4=)',
      '![pixel](https://tracker.example/p.gif)',
      '<a href="https://evil.example" onclick="alert(1)">x</a>',
      '[relative](/p/acme/roadmap)',
    ];
    const mail = notificationMail(
      {
        kind: 'feedback_shipped',
        publicUrl,
        releaseName: '<b>Spring</b>',
        feedback: [{ title: '"><svg onload=alert(1)>', url: darkMode.url }],
        changelog: { title: '<i>Title</i>', body: payloads.join('\n\n') },
        changelogUrl: `${publicUrl}/p/acme/changelog`,
      },
      { ...frame('shipped'), recipientName: '<Cleo & "co">' },
    );
    expect(mail.html).not.toMatch(
      /<(script|img|svg|iframe)\b|<[^>]+\son\w+=|href="(javascript|data):/i,
    );
    expect(mail.html).toContain('&lt;b&gt;Spring&lt;/b&gt;');
    expect(mail.html).toContain('&quot;&gt;&lt;svg onload=alert(1)&gt;');
    expect(mail.html).toContain('Hello &lt;Cleo &amp; &quot;co&quot;&gt;');
    expect(mail.html).toContain('<a href="https://tracker.example/p.gif">pixel</a>');
    expect(mail.html).toContain(`<a href="${publicUrl}/p/acme/roadmap">relative</a>`);
    expect(mail.text).toContain('<script>alert(1)</script>');
  });
});

describe('the weekly digest mail', () => {
  const digest = {
    week: '2027-03-01',
    newFeedback: 12,
    votes: { cast: 40, withdrawn: 2 },
    topRequests: [{ feedbackId: 'f1', title: 'Dark mode', votes: 9 }],
    shipped: [{ releaseId: 'r1', name: 'Spring', itemCount: 3 }],
  };
  const links = {
    feedbackUrl: (id: string) => `${publicUrl}/?feedback=${id}`,
    dashboardUrl: `${publicUrl}/dashboards/pm`,
    changelogUrl: `${publicUrl}/p/acme/changelog`,
  };

  it('sums up the week: feedback, votes, the most wanted and what shipped', () => {
    const mail = weeklyDigestMail(digest, links, frame('weekly_digest'));
    expect(mail.subject).toBe('Your week in Acme: 12 new requests, 40 votes');
    expect(mail.text).toContain(
      'From Monday 2027-03-01 to Sunday 2027-03-07, Acme received 12 new feedback items and 40 votes (2 withdrawn).',
    );
    expect(mail.text).toContain(`- Dark mode (${publicUrl}/?feedback=f1) — 9 voters`);
    expect(mail.text).toContain('- Spring — 3 items');
    expect(mail.text).toContain('Unsubscribe from emails about the weekly digest');
    expect(mail.html).toContain(`href="${publicUrl}/dashboards/pm"`);
  });

  it('says so when nothing was voted on or shipped', () => {
    const mail = weeklyDigestMail(
      { ...digest, newFeedback: 1, votes: { cast: 1, withdrawn: 0 }, topRequests: [], shipped: [] },
      links,
      frame('weekly_digest'),
    );
    expect(mail.subject).toBe('Your week in Acme: 1 new request, 1 vote');
    expect(mail.text).toContain('Nobody voted this week.');
    expect(mail.text).toContain('No release was published this week.');
  });
});
