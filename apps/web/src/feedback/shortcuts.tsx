import { Dialog, Kbd } from '@chorus/ui';

export const shortcutList: readonly (readonly [keys: string[], what: string])[] = [
  [['j'], 'Next item'],
  [['k'], 'Previous item'],
  [['Enter', 'o'], 'Open the selected item'],
  [['v'], 'Vote or unvote'],
  [['s'], 'Change status'],
  [['t'], 'Tag'],
  [['m'], 'Merge into another item'],
  [['a'], 'Approve a pending post'],
  [['x'], 'Mark as spam, or not spam'],
  [['/'], 'Search'],
  [['Esc'], 'Close the dialog or the detail panel'],
  [['?'], 'Show these shortcuts'],
];

export const ShortcutsDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => (
  <Dialog
    open={open}
    onClose={onClose}
    title="Keyboard shortcuts"
    description="They work in the inbox whenever you are not typing in a field."
  >
    <dl className="shortcuts">
      {shortcutList.map(([keys, what]) => (
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
