import { roleLabels, type AuditEntry, type AuditResource } from '@chorus/domain/client';
import { Button, VisuallyHidden } from '@chorus/ui';
import { Fragment, useState } from 'react';
import { Link } from 'wouter';
import { backlogItemHref, feedbackHref } from '../backlog/backlog-ui';
import { releaseHref } from '../releases/release-ui';
import { formatDateTime, formatRelativeTime } from '../lib/format';
import { useNow } from '../lib/use-now';

type AuditLink = NonNullable<AuditResource['link']>;

const hrefOf = ({ kind, id }: AuditLink): string => {
  switch (kind) {
    case 'feedback':
      return feedbackHref(id);
    case 'backlogItem':
      return backlogItemHref(id);
    case 'sprint':
      return `/sprints/${encodeURIComponent(id)}`;
    case 'release':
      return releaseHref(id);
    case 'initiative':
      // Initiatives are edited on the roadmap; they have no page of their own.
      return '/roadmap';
    case 'company':
      return `/companies/${encodeURIComponent(id)}`;
  }
};

const ResourceCell = ({ resource }: { resource: AuditResource }) => {
  const name = resource.label ?? resource.id;
  return (
    <>
      <span className="audit-table__kind">{resource.typeName}</span>{' '}
      {resource.link ? (
        <Link href={hrefOf(resource.link)}>{name}</Link>
      ) : (
        <span className="audit-table__name">{name}</span>
      )}
    </>
  );
};

const Details = ({ entry, id }: { entry: AuditEntry; id: string }) => (
  <tr id={id} className="audit-table__details">
    <td colSpan={5}>
      <dl className="audit-table__facts">
        <div>
          <dt>Event</dt>
          <dd>
            <code>{entry.type}</code>
          </dd>
        </div>
        <div>
          <dt>Stream</dt>
          <dd>
            <code>{entry.resource.streamId}</code>
          </dd>
        </div>
        <div>
          <dt>Position</dt>
          <dd>{entry.position}</dd>
        </div>
        <div>
          <dt>Happened</dt>
          <dd>{entry.occurredAt}</dd>
        </div>
        {entry.correlationId && (
          <div>
            <dt>Request</dt>
            <dd>
              <code>{entry.correlationId}</code>
            </dd>
          </div>
        )}
      </dl>
      <pre className="audit-table__data" role="region" aria-label="Event data" tabIndex={0}>
        {JSON.stringify(entry.data, null, 2)}
      </pre>
    </td>
  </tr>
);

/** The trail, one row per event; a row opens to show the event's data as recorded. */
export const AuditTable = ({
  entries,
  busy,
}: {
  entries: readonly AuditEntry[];
  busy: boolean;
}) => {
  const now = useNow();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (position: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(position)) next.add(position);
      return next;
    });

  return (
    <table className="table audit-table" aria-busy={busy}>
      <caption className="ui-visually-hidden">Audit trail, newest first</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
          <th scope="col">Resource</th>
          <th scope="col">
            <VisuallyHidden>Details</VisuallyHidden>
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          const expanded = open.has(entry.position);
          const detailsId = `audit-details-${entry.position}`;
          const role = entry.actor.role ? roleLabels[entry.actor.role] : null;
          return (
            <Fragment key={entry.position}>
              <tr data-testid="audit-row" className={expanded ? 'is-expanded' : undefined}>
                <td className="audit-table__when">
                  <time dateTime={entry.occurredAt} title={formatDateTime(entry.occurredAt)}>
                    {formatRelativeTime(entry.occurredAt, now)}
                  </time>
                </td>
                <td>
                  <span className="audit-table__actor">{entry.actor.name ?? 'Unknown person'}</span>
                  {role && <span className="table__hint"> {role}</span>}
                </td>
                <th scope="row" className="audit-table__what">
                  {entry.summary}
                </th>
                <td>
                  <ResourceCell resource={entry.resource} />
                </td>
                <td className="audit-table__toggle">
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-expanded={expanded}
                    aria-controls={expanded ? detailsId : undefined}
                    onClick={() => toggle(entry.position)}
                  >
                    {expanded ? 'Hide' : 'Details'}
                    <VisuallyHidden>
                      {' '}
                      of {entry.summary} by {entry.actor.name ?? 'an unknown person'}
                    </VisuallyHidden>
                  </Button>
                </td>
              </tr>
              {expanded && <Details entry={entry} id={detailsId} />}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
};
