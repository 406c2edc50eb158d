import type { FormEvent, ReactNode } from 'react';
import { Button } from './button';
import { cx } from './cx';
import { Dialog } from './dialog';

export type ConfirmTone = 'default' | 'danger';

export type ConfirmDialogProps = {
  open: boolean;
  /** The question, which names the dialog: "Delete this webhook?". */
  title: string;
  /** A line under the title, e.g. who else is affected. */
  description?: ReactNode;
  /** What happens, in a sentence or two; may hold a field to type the confirmation into. */
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** `danger` for what cannot be undone or takes something away. */
  tone?: ConfirmTone;
  /** The action is running: its button shows a spinner and cannot be pressed again. */
  pending?: boolean;
  /** Keeps the action unavailable, e.g. until the confirmation is typed. */
  confirmDisabled?: boolean;
  /** Why the last attempt failed: a message, or a node that renders one. */
  error?: ReactNode;
  onConfirm: () => void;
  /** Cancel, Close, Escape and a click on the backdrop. */
  onCancel: () => void;
  className?: string;
};

/**
 * Asks before an action: the question, what happens, Cancel and the action. The safe choice has
 * the focus unless the children mark a field `data-autofocus`; Enter in such a field confirms.
 */
export const ConfirmDialog = ({
  open,
  title,
  description,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  tone = 'default',
  pending = false,
  confirmDisabled = false,
  error,
  onConfirm,
  onCancel,
  className,
}: ConfirmDialogProps) => {
  const confirm = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onConfirm();
  };
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      title={title}
      description={description}
      className={cx('ui-confirm', className)}
    >
      <form onSubmit={confirm} noValidate>
        <div className="ui-confirm__body">
          {children}
          {typeof error === 'string' ? (
            <p className="ui-confirm__error" role="alert">
              {error}
            </p>
          ) : (
            error
          )}
        </div>
        <footer className="ui-confirm__footer">
          <Button variant="ghost" data-autofocus onClick={onCancel}>
            {cancelLabel}
          </Button>
          <Button
            type="submit"
            variant={tone === 'danger' ? 'danger' : 'primary'}
            loading={pending}
            disabled={confirmDisabled}
          >
            {confirmLabel}
          </Button>
        </footer>
      </form>
    </Dialog>
  );
};
