import type { ReleaseState } from '@chorus/domain/client';
import { Badge, type BadgeTone } from '@chorus/ui';

const stateLabels: Record<ReleaseState, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  published: 'Published',
};

const stateTones: Record<ReleaseState, BadgeTone> = {
  draft: 'neutral',
  scheduled: 'amber',
  published: 'green',
};

export const ReleaseStateBadge = ({ state }: { state: ReleaseState }) => (
  <Badge tone={stateTones[state]} dot>
    {stateLabels[state]}
  </Badge>
);

export const releaseHref = (id: string) => `/releases/${encodeURIComponent(id)}`;
