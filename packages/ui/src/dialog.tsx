import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { cx } from './cx';
import { IconButton } from './icon-button';

export type DialogProps = {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
};

/**
 * A modal on the native <dialog> element, which traps focus, closes on Escape and restores focus
 * for free. Children mount only while open so forms start fresh each time. On opening, focus goes
 * to the element marked `data-autofocus`, else to the first form field.
 */
export const Dialog = ({ open, onClose, title, description, children, className }: DialogProps) => {
  const ref = useRef<HTMLDialogElement>(null);
  const pressStartedOnBackdrop = useRef(false);
  const titleId = useId();
  const descriptionId = useId();

  // In the commit itself, not after paint: the element is then open exactly when the state says
  // so whenever an event can arrive, which is what the close handler below relies on.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // React's autoFocus runs while the dialog is still hidden, so focus is placed here instead:
      // on the element marked data-autofocus, else the first field, else the dialog's default.
      const body = '.ui-dialog__panel > :not(header)';
      (
        dialog.querySelector<HTMLElement>(`${body} [data-autofocus]`) ??
        dialog.querySelector<HTMLElement>(`${body} :is(input, select, textarea):not([disabled])`)
      )?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={cx('ui-dialog', className)}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={(event) => {
        // The browser fires 'close' with its next frame, not when the dialog closes. Only a close
        // it made on its own (a form with method="dialog", an Escape it would not let us cancel)
        // must reach the state: one the state asked for is old news, and one still on its way when
        // a quick hand reopens the dialog would shut the reopened dialog.
        if (open && !event.currentTarget.open) onClose();
      }}
      onCancel={(event) => {
        // Escape: the state closes the dialog, not the browser, so the two never disagree (a
        // click in between would otherwise "open" a dialog the state still thinks is open).
        event.preventDefault();
        onClose();
      }}
      onPointerDown={(event) => {
        pressStartedOnBackdrop.current = event.target === event.currentTarget;
      }}
      onClick={(event) => {
        // Only a press that starts and ends on the backdrop closes; a text selection dragged out
        // of the form must not.
        if (pressStartedOnBackdrop.current && event.target === event.currentTarget) onClose();
      }}
    >
      {open && (
        <div className="ui-dialog__panel">
          <header className="ui-dialog__header">
            <h2 id={titleId} className="ui-dialog__title">
              {title}
            </h2>
            {description && (
              <p id={descriptionId} className="ui-dialog__description">
                {description}
              </p>
            )}
            <IconButton
              className="ui-dialog__close"
              label="Close"
              onClick={onClose}
              icon={
                <svg viewBox="0 0 16 16">
                  <path
                    d="m4 4 8 8M12 4l-8 8"
                    stroke="currentColor"
                    strokeWidth="1.5"
                    strokeLinecap="round"
                  />
                </svg>
              }
            />
          </header>
          {children}
        </div>
      )}
    </dialog>
  );
};
