import type { ReactNode } from 'react';
import { cx } from './cx';

export type KbdProps = {
  children: ReactNode;
  className?: string;
};

/** A key of the keyboard, e.g. in a shortcut hint: `<Kbd>Ctrl</Kbd> <Kbd>K</Kbd>`. */
export const Kbd = ({ children, className }: KbdProps) => (
  <kbd className={cx('ui-kbd', className)}>{children}</kbd>
);
