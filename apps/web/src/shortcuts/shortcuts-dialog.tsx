import { Dialog, Kbd } from '@chorus/ui';

export type GoToShortcut = { key: string; label: string };

const isMac = () => /Mac|iPhone|iPad/.test(navigator.userAgent);

/** The shortcuts that work on every page of the admin app. */
export const ShortcutsDialog = ({
  open,
  onClose,
  goTo,
}: {
  open: boolean;
  onClose: () => void;
  goTo: readonly GoToShortcut[];
}) => (
  <Dialog
    open={open}
    onClose={onClose}
    title="Keyboard shortcuts"
    description="They work on every page whenever you are not typing in a field. The inbox has more: press ? there."
  >
    <dl className="shortcuts">
      <div className="shortcuts__row">
        <dt>
          <Kbd>{isMac() ? '⌘' : 'Ctrl'}</Kbd> <Kbd>K</Kbd>
        </dt>
        <dd>Search and jump anywhere</dd>
      </div>
      <div className="shortcuts__row">
        <dt>
          <Kbd>/</Kbd>
        </dt>
        <dd>Focus the page's search</dd>
      </div>
      {goTo.map(({ key, label }) => (
        <div key={key} className="shortcuts__row">
          <dt>
            <Kbd>g</Kbd>
            <span className="shortcuts__or"> then </span>
            <Kbd>{key}</Kbd>
          </dt>
          <dd>Go to {label}</dd>
        </div>
      ))}
      <div className="shortcuts__row">
        <dt>
          <Kbd>?</Kbd>
        </dt>
        <dd>Show these shortcuts</dd>
      </div>
    </dl>
  </Dialog>
);
