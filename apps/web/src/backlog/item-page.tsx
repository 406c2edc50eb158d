import type { BacklogItemView } from '@chorus/domain/client';
import { Card } from '@chorus/ui';
import { useState } from 'react';
import { Link } from 'wouter';
import { DetailPage } from '../components/detail-page';
import { CheckIcon, CloseIcon } from '../icons';
import { formatDateTime, plural } from '../lib/format';
import { ItemScore } from '../prioritisation/item-score';
import { AcceptanceCriteria } from './acceptance-criteria';
import { useBacklogItem } from './backlog-queries';
import { backlogItemHref, BacklogStatusBadge, formatPoints, KindBadge } from './backlog-ui';
import { InitiativePicker } from './initiative-picker';
import { ItemDetailsForm } from './item-details-form';
import { LinkedFeedback } from './linked-feedback';

/** Definition of Ready, up front: what the item has and what it still needs. */
const DefinitionOfReady = ({ item }: { item: BacklogItemView }) => {
  const checks = [
    {
      label: 'Acceptance criteria',
      done: item.acceptanceCriteria.length > 0,
      detail:
        item.acceptanceCriteria.length > 0
          ? plural(item.acceptanceCriteria.length, 'criterion', 'criteria')
          : 'None yet',
    },
    {
      label: 'Estimate',
      done: item.estimate !== null,
      detail: item.estimate === null ? 'Not estimated' : formatPoints(item.estimate),
    },
  ];
  return (
    <section
      className={`ready-panel ${item.ready ? 'ready-panel--ready' : 'ready-panel--not'}`}
      aria-labelledby="definition-of-ready"
      data-testid="definition-of-ready"
      data-ready={item.ready}
    >
      <div className="ready-panel__text">
        <h2 id="definition-of-ready" className="ready-panel__title">
          {item.ready ? 'Ready for a sprint' : 'Not ready yet'}
        </h2>
        <p className="ready-panel__reason" role="status">
          {item.ready
            ? 'It meets the Definition of Ready: it has acceptance criteria and an estimate.'
            : (item.notReadyReason ?? 'It needs acceptance criteria and an estimate.')}
        </p>
      </div>
      <ul className="ready-panel__checks" aria-label="Definition of Ready">
        {checks.map((check) => (
          <li key={check.label} className={check.done ? 'is-done' : undefined}>
            {check.done ? <CheckIcon /> : <CloseIcon />}
            <span>
              {check.label}: {check.detail}
              <span className="ui-visually-hidden">{check.done ? ' (done)' : ' (missing)'}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
};

const Children = ({ item }: { item: BacklogItemView }) =>
  item.children.length === 0 ? null : (
    <Card>
      <h2 className="card__title">{item.kind === 'epic' ? 'Stories' : 'Tasks'}</h2>
      <ul className="backlog-children">
        {item.children.map((child) => (
          <li key={child.id}>
            <KindBadge kind={child.kind} />
            <Link href={backlogItemHref(child.id)}>{child.title}</Link>
            <span className="detail__muted">{formatPoints(child.estimate)}</span>
            <BacklogStatusBadge status={child.status} />
          </li>
        ))}
      </ul>
    </Card>
  );

const Facts = ({ item }: { item: BacklogItemView }) => (
  <Card>
    <h2 className="card__title">Facts</h2>
    <dl className="detail__facts">
      <div>
        <dt>Sprint</dt>
        <dd>{item.sprintId ? 'Planned in a sprint' : 'Unplanned'}</dd>
      </div>
      <div>
        <dt>Release</dt>
        <dd>{item.releaseId ? 'In a release' : 'Not released'}</dd>
      </div>
      <div>
        <dt>Created</dt>
        <dd>
          <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
        </dd>
      </div>
      <div>
        <dt>Updated</dt>
        <dd>
          <time dateTime={item.updatedAt}>{formatDateTime(item.updatedAt)}</time>
        </dd>
      </div>
    </dl>
  </Card>
);

const ItemBody = ({ item, onReload }: { item: BacklogItemView; onReload: () => void }) => {
  const [announcement, setAnnouncement] = useState('');
  return (
    <>
      <div className="page-header">
        <div>
          <p className="page-header__eyebrow">
            <Link href="/backlog">Backlog</Link>
          </p>
          <h1 className="page-header__title">{item.title}</h1>
          <p className="backlog-item__badges">
            <KindBadge kind={item.kind} />
            <BacklogStatusBadge status={item.status} />
            <span className="detail__muted">{formatPoints(item.estimate)}</span>
          </p>
        </div>
      </div>
      <p className="ui-visually-hidden" role="status">
        {announcement}
      </p>
      <DefinitionOfReady item={item} />
      <div className="page__columns">
        <div className="page__main">
          <ItemDetailsForm item={item} onReload={onReload} onSaved={setAnnouncement} />
          <AcceptanceCriteria item={item} onReload={onReload} onAnnounce={setAnnouncement} />
          <LinkedFeedback item={item} onAnnounce={setAnnouncement} />
        </div>
        <div className="page__aside">
          <ItemScore itemId={item.id} onAnnounce={setAnnouncement} />
          <InitiativePicker item={item} onAnnounce={setAnnouncement} />
          <Children item={item} />
          <Facts item={item} />
        </div>
      </div>
    </>
  );
};

const ItemPage = ({ id }: { id: string }) => {
  const item = useBacklogItem(id);
  return (
    <DetailPage
      query={item}
      noun="backlog item"
      back={{ href: '/backlog', label: 'Back to the backlog' }}
      wide
    >
      {(data) => (
        // Keyed, so drafts and open editors do not follow a link to another item.
        <ItemBody key={data.id} item={data} onReload={() => void item.refetch()} />
      )}
    </DetailPage>
  );
};

export default ItemPage;
