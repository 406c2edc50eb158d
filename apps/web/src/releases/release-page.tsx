import type { ReleaseView } from '@chorus/domain/client';
import { Button, Card, TextField } from '@chorus/ui';
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useCan, whoCan } from '../auth/use-can';
import { DetailPage } from '../components/detail-page';
import { FormError } from '../lib/form-error';
import { formatDateTime, plural } from '../lib/format';
import { useMe } from '../queries/me';
import { fieldError } from '../settings/settings-kit';
import { formatDay } from '../sprints/sprint-ui';
import { ChangelogEditor, draftOf, isDirty, type ChangelogDraft } from './changelog-editor';
import { PublishDialog } from './publish-dialog';
import { ReleaseItems } from './release-items';
import {
  useEditRelease,
  useRelease,
  useScheduleRelease,
  useUnscheduleRelease,
} from './release-queries';
import { ReleaseStateBadge } from './release-ui';

const DetailsCard = ({ release }: { release: ReleaseView }) => {
  const edit = useEditRelease(release);
  const [name, setName] = useState(release.name);
  const [date, setDate] = useState(release.date);
  const changes = {
    ...(name.trim() !== release.name ? { name: name.trim() } : {}),
    ...(date !== release.date ? { date } : {}),
  };
  const changed = Object.keys(changes).length > 0;
  const manager = useCan()('releases.manage');

  if (release.state === 'published' || !manager) {
    return (
      <Card>
        <h2 className="card__title">Details</h2>
        <dl className="detail__facts">
          <div>
            <dt>Name</dt>
            <dd>{release.name}</dd>
          </div>
          <div>
            <dt>Planned date</dt>
            <dd>{formatDay(release.date)}</dd>
          </div>
        </dl>
      </Card>
    );
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (changed && name.trim()) edit.mutate(changes);
  };

  return (
    <Card>
      <form className="release-details" onSubmit={onSubmit} noValidate>
        <h2 className="card__title">Details</h2>
        <TextField
          label="Name"
          required
          value={name}
          error={
            (name.trim() ? undefined : 'A release needs a name.') ?? fieldError(edit.error, 'name')
          }
          onChange={(event) => setName(event.target.value)}
        />
        <TextField
          label="Planned date"
          type="date"
          required
          value={date}
          error={fieldError(edit.error, 'date')}
          onChange={(event) => setDate(event.target.value)}
        />
        <FormError error={edit.error} shownBy={['name', 'date']} />
        <div className="release-details__actions">
          <Button type="submit" loading={edit.isPending} disabled={!changed || !name.trim()}>
            Save details
          </Button>
        </div>
      </form>
    </Card>
  );
};

/** A `datetime-local` value for an instant, in the person's time zone. */
const localInput = (date: Date): string => {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
};

const ScheduleCard = ({ release }: { release: ReleaseView }) => {
  const schedule = useScheduleRelease(release.id);
  const unschedule = useUnscheduleRelease(release.id);
  const [at, setAt] = useState(() => localInput(new Date(Date.now() + 24 * 3600_000)));
  const [invalid, setInvalid] = useState<string | null>(null);
  const manager = useCan()('releases.manage');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const when = new Date(at);
    if (Number.isNaN(when.getTime()) || when.getTime() <= Date.now()) {
      setInvalid('Choose a time in the future.');
      return;
    }
    setInvalid(null);
    schedule.mutate(when.toISOString());
  };

  return (
    <Card>
      <h2 className="card__title">Schedule</h2>
      {release.state === 'published' ? (
        <p>Published{release.publishedAt && ` on ${formatDateTime(release.publishedAt)}`}.</p>
      ) : release.state === 'scheduled' && release.publishAt ? (
        <div className="release-schedule">
          <p data-testid="scheduled-at">
            Publishes automatically on <strong>{formatDateTime(release.publishAt)}</strong>.
          </p>
          {manager && (
            <>
              <FormError error={unschedule.error} />
              <Button loading={unschedule.isPending} onClick={() => unschedule.mutate(undefined)}>
                Unschedule
              </Button>
            </>
          )}
        </div>
      ) : !manager ? (
        <p>Not scheduled: it publishes when someone publishes it.</p>
      ) : (
        <form className="release-schedule" onSubmit={onSubmit} noValidate>
          <TextField
            label="Publish at"
            type="datetime-local"
            min={localInput(new Date())}
            hint="Your local time. It needs items and a saved changelog entry."
            value={at}
            error={invalid ?? fieldError(schedule.error, 'publishAt')}
            onChange={(event) => {
              setAt(event.target.value);
              setInvalid(null);
            }}
          />
          <FormError error={schedule.error} shownBy={['publishAt']} />
          <Button type="submit" loading={schedule.isPending}>
            Schedule
          </Button>
        </form>
      )}
    </Card>
  );
};

const ReleaseBody = ({ release }: { release: ReleaseView }) => {
  const me = useMe();
  const [draft, setDraft] = useState<ChangelogDraft>(() => draftOf(release));
  const [publishing, setPublishing] = useState(false);
  const can = useCan();
  const slug = me.data?.workspace.slug;
  const publicChangelogHref = slug ? `/p/${encodeURIComponent(slug)}/changelog` : null;

  return (
    <>
      <div className="page-header">
        <div>
          <p className="page-header__eyebrow">
            <Link href="/releases">Releases</Link>
          </p>
          <h1 className="page-header__title sprint__title">
            {release.name} <ReleaseStateBadge state={release.state} />
          </h1>
          <p className="page-header__lead">
            Planned for {formatDay(release.date)} · {plural(release.items.length, 'item')} ·{' '}
            {plural(release.linkedFeedbackCount, 'linked feedback item')}
          </p>
        </div>
        {release.state !== 'published' && can('releases.publish') && (
          <div className="page-header__actions">
            <Button variant="primary" onClick={() => setPublishing(true)}>
              Publish now
            </Button>
          </div>
        )}
        {release.state !== 'published' && can('releases.manage') && !can('releases.publish') && (
          // Who prepares a release but may not publish it is told who does.
          <p className="page-header__actions detail__muted" data-testid="publish-note">
            Publishing is for {whoCan('releases.publish')}.
          </p>
        )}
      </div>
      {release.state === 'published' && (
        <div className="banner banner--published" data-testid="published-banner">
          <p>
            Published{release.publishedAt && ` on ${formatDateTime(release.publishedAt)}`}: its
            items are released, the feedback they answer is done, and everyone who asked was
            notified.
          </p>
          {publicChangelogHref && (
            <p>
              <Link href={publicChangelogHref}>See it on the public changelog</Link>
            </p>
          )}
        </div>
      )}
      <div className="page__columns">
        <div className="page__main">
          <ChangelogEditor release={release} draft={draft} onChange={setDraft} />
          <ReleaseItems release={release} />
        </div>
        <div className="page__aside">
          <DetailsCard key={`${release.name}\n${release.date}`} release={release} />
          <ScheduleCard release={release} />
        </div>
      </div>
      <PublishDialog
        open={publishing && can('releases.publish')}
        release={release}
        unsavedChangelog={isDirty(release, draft)}
        publicChangelogHref={publicChangelogHref}
        onClose={() => setPublishing(false)}
      />
    </>
  );
};

const ReleasePage = ({ id }: { id: string }) => (
  <DetailPage
    query={useRelease(id)}
    noun="release"
    back={{ href: '/releases', label: 'All releases' }}
  >
    {(release) => <ReleaseBody release={release} />}
  </DetailPage>
);

export default ReleasePage;
