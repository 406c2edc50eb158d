import { useEffect, useRef } from 'react';
import { useLocation } from 'wouter';
import { hasModifier, isDialogOpen, isTyping } from '../lib/keyboard';

/** How long after `g` the second key of a "go to" shortcut is awaited. */
const SEQUENCE_MS = 1500;

type Handlers = {
  /** Ctrl+K or Cmd+K. */
  onOpenPalette: () => void;
  /** `?`, unless the page showed its own shortcuts. */
  onShowShortcuts: () => void;
  /** The "go to" destinations the person may open, by second key. */
  goTo: ReadonlyMap<string, string>;
};

/** Focuses the page's search field, if it has one; true when it did. */
const focusPageSearch = (): boolean => {
  const field = document.querySelector<HTMLInputElement>('#main input[type="search"]');
  if (!field) return false;
  field.focus();
  field.select();
  return true;
};

/**
 * The shortcuts of every page. The palette and "go to" keys listen in the capture phase, so a
 * page's own single-key shortcuts (the inbox's `s`, `b`…) never see the second key of `g` `s`;
 * `?` and `/` listen last, so a page that handles them itself (the inbox) keeps them.
 */
export const useGlobalShortcuts = ({ onOpenPalette, onShowShortcuts, goTo }: Handlers) => {
  const [, navigate] = useLocation();
  const latest = useRef({ onOpenPalette, onShowShortcuts, goTo, navigate });
  useEffect(() => {
    latest.current = { onOpenPalette, onShowShortcuts, goTo, navigate };
  });

  useEffect(() => {
    let awaitingSecondKey = false;
    let timer = 0;
    const reset = () => {
      awaitingSecondKey = false;
      window.clearTimeout(timer);
    };

    const onKeyDownFirst = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        if (isDialogOpen()) return;
        event.preventDefault();
        reset();
        latest.current.onOpenPalette();
        return;
      }
      if (
        event.defaultPrevented ||
        hasModifier(event) ||
        isTyping(event.target) ||
        isDialogOpen()
      ) {
        reset();
        return;
      }
      if (awaitingSecondKey) {
        reset();
        const href = latest.current.goTo.get(event.key);
        if (href === undefined) return;
        event.preventDefault();
        event.stopPropagation();
        latest.current.navigate(href);
        return;
      }
      if (event.key === 'g') {
        event.preventDefault();
        awaitingSecondKey = true;
        timer = window.setTimeout(reset, SEQUENCE_MS);
      }
    };

    const onKeyDownLast = (event: KeyboardEvent) => {
      if (
        event.defaultPrevented ||
        hasModifier(event) ||
        isTyping(event.target) ||
        isDialogOpen()
      ) {
        return;
      }
      if (event.key === '?') {
        event.preventDefault();
        latest.current.onShowShortcuts();
      } else if (event.key === '/' && focusPageSearch()) {
        event.preventDefault();
      }
    };

    document.addEventListener('keydown', onKeyDownFirst, true);
    window.addEventListener('keydown', onKeyDownLast);
    return () => {
      reset();
      document.removeEventListener('keydown', onKeyDownFirst, true);
      window.removeEventListener('keydown', onKeyDownLast);
    };
  }, []);
};
