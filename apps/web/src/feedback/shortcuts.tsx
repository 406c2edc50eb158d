import type { Permission } from '@chorus/domain/client';
import { Dialog, Kbd } from '@chorus/ui';
import { useCan } from '../auth/use-can';

/** Each shortcut, with the permission its action needs when it changes something. */
const shortcutList: readonly (readonly [keys: string[], what: string, needs?: Permission])[] = [
  [['j'], 'Next item'],
  [['k'], 'Previous item'],
  [['Enter', 'o'], 'Open the selected item'],
  [['v'], 'Vote or unvote', 'feedback.participate'],
  [['s'], 'Change status', 'feedback.triage'],
  [['t'], 'Tag', 'feedback.triage'],
  [['m'], 'Merge into another item', 'feedback.triage'],
  [['a'], 'Approve a pending post', 'feedback.triage'],
  [['x'], 'Mark as spam, or not spam', 'feedback.triage'],
  [['/'], 'Search'],
  [['Esc'], 'Close the dialog or the detail panel'],
  [['?'], 'Show these shortcuts'],
];

export const ShortcutsDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const can = useCan();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Keyboard shortcuts"
      description="They work in the inbox whenever you are not typing in a field."
    >
      <dl className="shortcuts">
        {shortcutList
          .filter(([, , needs]) => !needs || can(needs))
          .map(([keys, what]) => (
            <div key={what} className="shortcuts__row">
              <dt>
                {keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 && <span className="shortcuts__or"> or </span>}
                    <Kbd>{key}</Kbd>
                  </span>
                ))}
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
      </dl>
    </Dialog>
  );
};
