import { Dialog, Spinner } from '@chorus/ui';
import { useFeedbackDetail } from '../queries/feedback-queries';
import { MergeDialog } from './merge-dialog';
import { StatusPicker } from './status-picker';
import { TagPicker } from './tag-picker';

export type TriageDialog = 'status' | 'tags' | 'merge';

type TriageDialogsProps = {
  id: string;
  dialog: TriageDialog | null;
  onClose: () => void;
  /** Says what happened, for the live region. */
  onAnnounce: (message: string) => void;
};

/** The dialogs behind s, t and m, for whichever item the keyboard cursor is on. */
export const TriageDialogs = ({ id, dialog, onClose, onAnnounce }: TriageDialogsProps) => {
  const detail = useFeedbackDetail(id);
  const item = detail.data;
  const title = item ? `“${item.title}”` : undefined;
  const finish = (message: string) => {
    onAnnounce(message);
    onClose();
  };

  if (!item) {
    return (
      <Dialog open={dialog !== null} onClose={onClose} title="Loading feedback">
        <div className="composer__fields">
          <Spinner label="Loading feedback" />
        </div>
      </Dialog>
    );
  }

  return (
    <>
      <Dialog
        open={dialog === 'status'}
        onClose={onClose}
        title="Change status"
        description={title}
      >
        <div className="composer__fields">
          <StatusPicker
            item={item}
            autoFocus
            onChanged={(name) => finish(`Status changed to ${name}.`)}
          />
        </div>
      </Dialog>
      <Dialog open={dialog === 'tags'} onClose={onClose} title="Tags" description={title}>
        <div className="composer__fields">
          <TagPicker item={item} autoFocus onChanged={onAnnounce} />
        </div>
      </Dialog>
      <MergeDialog item={item} open={dialog === 'merge'} onClose={onClose} onMerged={finish} />
    </>
  );
};
