const nonTextInputs = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'image',
  'radio',
  'range',
  'reset',
  'submit',
]);

/** True while the person is typing, so single-key shortcuts must not fire. */
export const isTyping = (target: EventTarget | null): boolean => {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('textarea, select') !== null) return true;
  return target instanceof HTMLInputElement && !nonTextInputs.has(target.type);
};

export const isDialogOpen = (): boolean => document.querySelector('dialog[open]') !== null;

export const hasModifier = (event: KeyboardEvent): boolean =>
  event.ctrlKey || event.metaKey || event.altKey;
