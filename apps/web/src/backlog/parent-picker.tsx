import type { BacklogItemKindName } from '@chorus/domain/client';
import { AsyncPicker, type PickerOption } from '../components/async-picker';
import { fetchBacklogPage } from './backlog-api';
import { statusLabels } from './backlog-ui';

/** A story belongs to an epic, a task to a story; an epic has no parent. */
export const parentKindOf = (kind: BacklogItemKindName): BacklogItemKindName | null =>
  kind === 'story' ? 'epic' : kind === 'task' ? 'story' : null;

const searchParents =
  (kind: BacklogItemKindName) =>
  async (q: string, signal: AbortSignal): Promise<PickerOption[]> =>
    (await fetchBacklogPage({ kind, ...(q ? { q } : {}) }, null, null, signal)).items.map(
      (item) => ({
        id: item.id,
        label: item.title,
        hint: statusLabels[item.status],
      }),
    );

type ParentPickerProps = {
  kind: BacklogItemKindName;
  value: PickerOption | null;
  onChange: (value: PickerOption | null) => void;
  error?: string | undefined;
};

/** Picks the epic of a story or the story of a task, by searching their titles. */
export const ParentPicker = ({ kind, value, onChange, error }: ParentPickerProps) => {
  const parentKind = parentKindOf(kind);
  if (!parentKind) return null;
  return (
    <AsyncPicker
      label={parentKind === 'epic' ? 'Epic' : 'Story'}
      placeholder={parentKind === 'epic' ? 'Search epics' : 'Search stories'}
      queryKey={`backlog-parents-${parentKind}`}
      search={searchParents(parentKind)}
      value={value}
      onChange={onChange}
      hint="Optional"
      error={error}
    />
  );
};
