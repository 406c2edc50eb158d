import type { InitiativeView } from '@chorus/domain/client';
import {
  Button,
  Card,
  ConfirmDialog,
  EmptyState,
  ErrorState,
  SegmentedControl,
  Skeleton,
} from '@chorus/ui';
import { useState } from 'react';
import { Link } from 'wouter';
import { describeError } from '../api/problem-error';
import { useCan } from '../auth/use-can';
import { AsOfPicker, useAsOfSearchParam } from '../components/as-of-picker';
import { GlobeIcon, PlusIcon, RoadmapIcon } from '../icons';
import { FormError } from '../lib/form-error';
import { updateSearchParams, useSearchParam } from '../lib/url-state';
import { useMe } from '../queries/me';
import type { InitiativeActions } from './initiative-card';
import { InitiativeDialog } from './initiative-dialog';
import { RoadmapLanes } from './roadmap-lanes';
import { allInitiatives, useArchiveInitiative, useRoadmap } from './roadmap-queries';
import { RoadmapTimeline } from './roadmap-timeline';

type View = 'lanes' | 'timeline';

const viewOptions = [
  { value: 'lanes', label: 'Lanes' },
  { value: 'timeline', label: 'Timeline' },
] as const;

/** Editing nothing, creating (null), or editing the initiative with this id. */
type Editing = { id: string | null } | null;

const RoadmapPage = () => {
  const [asOf, setAsOf] = useAsOfSearchParam();
  const roadmap = useRoadmap(asOf);
  const me = useMe();
  const archive = useArchiveInitiative();
  const manager = useCan()('roadmap.manage');
  const view: View = useSearchParam('view') === 'timeline' ? 'timeline' : 'lanes';
  const [editing, setEditing] = useState<Editing>(null);
  const [archiving, setArchiving] = useState<InitiativeView | null>(null);
  const slug = me.data?.workspace.slug;
  // The cached copy, not a snapshot: an edit goes against the latest version.
  const edited =
    (editing?.id && roadmap.data
      ? allInitiatives(roadmap.data).find((initiative) => initiative.id === editing.id)
      : undefined) ?? null;

  // The past is read-only: no new initiatives, edits, moves or archiving; nor is the roadmap
  // for who may not manage it.
  const actions: InitiativeActions | null =
    asOf === null && manager
      ? {
          onEdit: (initiative: InitiativeView) => setEditing({ id: initiative.id }),
          onArchive: (initiative: InitiativeView) => setArchiving(initiative),
        }
      : null;

  return (
    <div className="page page--wide">
      <div className="page-header">
        <div>
          <h1 className="page-header__title">Roadmap</h1>
          <p className="page-header__lead">
            What you work on now, next and later; progress comes from the linked backlog items.
          </p>
        </div>
        <div className="page-header__actions">
          {slug && (
            <Link
              className="ui-button ui-button--ghost ui-button--md"
              href={`/p/${encodeURIComponent(slug)}/roadmap`}
            >
              <GlobeIcon />
              Public roadmap
            </Link>
          )}
          {actions && (
            <Button variant="primary" icon={<PlusIcon />} onClick={() => setEditing({ id: null })}>
              New initiative
            </Button>
          )}
        </div>
      </div>
      <AsOfPicker value={asOf} onChange={setAsOf} what="the roadmap" />
      <SegmentedControl
        label="Roadmap view"
        value={view}
        options={viewOptions}
        onChange={(value) =>
          updateSearchParams({ view: value === 'lanes' ? null : value }, 'replace')
        }
      />
      {roadmap.isPending ? (
        <div className="board" aria-hidden="true">
          {Array.from({ length: 3 }, (_, index) => (
            <Skeleton key={index} height="14rem" />
          ))}
        </div>
      ) : roadmap.isError ? (
        <Card padded={false}>
          <ErrorState
            title="Couldn't load the roadmap"
            detail={describeError(roadmap.error)}
            onRetry={() => void roadmap.refetch()}
            retrying={roadmap.isFetching}
          />
        </Card>
      ) : allInitiatives(roadmap.data).length === 0 ? (
        <Card padded={false}>
          {actions ? (
            <EmptyState
              icon={<RoadmapIcon />}
              title="No initiatives yet"
              hint="An initiative is a bet on the roadmap; link backlog items to it to track its progress."
              action={
                <Button icon={<PlusIcon />} onClick={() => setEditing({ id: null })}>
                  New initiative
                </Button>
              }
            />
          ) : (
            <EmptyState
              icon={<RoadmapIcon />}
              title={asOf === null ? 'No initiatives yet' : 'No initiatives then'}
            />
          )}
        </Card>
      ) : view === 'lanes' ? (
        <RoadmapLanes roadmap={roadmap.data} actions={actions} />
      ) : (
        <RoadmapTimeline roadmap={roadmap.data} actions={actions} />
      )}
      {actions && (
        <InitiativeDialog
          // Closes by itself should the initiative be archived meanwhile.
          open={editing !== null && (editing.id === null || edited !== null)}
          initiative={edited}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        open={archiving !== null}
        title={archiving ? `Archive “${archiving.title}”?` : 'Archive initiative'}
        confirmLabel="Archive initiative"
        tone="danger"
        pending={archive.isPending}
        error={<FormError error={archive.error} />}
        onConfirm={() => {
          if (archiving) archive.mutate(archiving.id, { onSuccess: () => setArchiving(null) });
        }}
        onCancel={() => {
          archive.reset();
          setArchiving(null);
        }}
      >
        <p>It leaves the roadmap, the public one included; its backlog items stay.</p>
      </ConfirmDialog>
    </div>
  );
};

export default RoadmapPage;
