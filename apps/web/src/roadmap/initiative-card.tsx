import type { InitiativeView, RoadmapLaneName } from '@chorus/domain/client';
import { Badge, Button, cx, IconButton } from '@chorus/ui';
import type { CSSProperties, ReactNode, Ref } from 'react';
import { plural } from '../lib/format';
import { formatQuarter, laneLabels, ProgressBar, VisibilityBadge } from './roadmap-ui';

const progressDetail = ({ progress }: InitiativeView): string =>
  progress.itemCount === 0
    ? 'no backlog items linked'
    : `${progress.doneItemCount} of ${plural(progress.itemCount, 'item')} done`;

export type InitiativeActions = {
  onEdit: (initiative: InitiativeView) => void;
  onArchive: (initiative: InitiativeView) => void;
};

/** Without actions, the card only shows: the roadmap as it stood in the past. */
type InitiativeCardProps = Partial<InitiativeActions> & {
  initiative: InitiativeView;
  /** Where the card sits: its lane is said on the timeline, its quarter in the lanes. */
  context: 'lanes' | 'timeline';
  /** The lanes the card can move to with a button. */
  moves?: { lane: RoadmapLaneName; icon: ReactNode }[];
  onMove?: (lane: RoadmapLaneName) => void;
  /** For drag and drop: the card's node, its drag handle and where it is being dragged. */
  nodeRef?: Ref<HTMLElement>;
  handle?: ReactNode;
  style?: CSSProperties;
  dragging?: boolean;
};

export const InitiativeCard = ({
  initiative,
  context,
  onEdit,
  onArchive,
  moves = [],
  onMove,
  nodeRef,
  handle,
  style,
  dragging = false,
}: InitiativeCardProps) => (
  <article
    ref={nodeRef}
    style={style}
    className={cx('initiative', dragging && 'initiative--dragging')}
    data-testid="initiative"
    data-initiative-id={initiative.id}
    aria-label={initiative.title}
  >
    <div className="initiative__head">
      <VisibilityBadge visibility={initiative.visibility} />
      {context === 'lanes' ? (
        initiative.quarter && <Badge>{formatQuarter(initiative.quarter)}</Badge>
      ) : (
        <Badge tone="accent">{laneLabels[initiative.lane]}</Badge>
      )}
      {handle}
    </div>
    <h3 className="initiative__title">{initiative.title}</h3>
    {initiative.description && <p className="initiative__description">{initiative.description}</p>}
    <ProgressBar
      percent={initiative.progress.percent}
      label={`Progress of “${initiative.title}”`}
      detail={progressDetail(initiative)}
    />
    {(moves.length > 0 || onEdit || onArchive) && (
      <div className="initiative__actions">
        {moves.map(({ lane, icon }) => (
          <IconButton
            key={lane}
            label={`Move “${initiative.title}” to ${laneLabels[lane]}`}
            icon={icon}
            onClick={() => onMove?.(lane)}
          />
        ))}
        <span className="initiative__spacer" />
        {onEdit && (
          <Button size="sm" variant="ghost" onClick={() => onEdit(initiative)}>
            Edit<span className="ui-visually-hidden"> “{initiative.title}”</span>
          </Button>
        )}
        {onArchive && (
          <Button size="sm" variant="ghost" onClick={() => onArchive(initiative)}>
            Archive<span className="ui-visually-hidden"> “{initiative.title}”</span>
          </Button>
        )}
      </div>
    )}
  </article>
);
