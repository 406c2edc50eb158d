import { useCallback, useEffect, useSyncExternalStore } from 'react';

/** What the person chose; `system` follows the operating system's `prefers-color-scheme`. */
export type ThemePreference = 'light' | 'dark' | 'system';

export const themePreferences: readonly { value: ThemePreference; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

// The same key and values as public/theme-init.js, which applies the theme before the first paint.
const STORAGE_KEY = 'chorus.theme';
const darkQuery = '(prefers-color-scheme: dark)';

const readPreference = (): ThemePreference => {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system';
  }
};

const listeners = new Set<() => void>();

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  // Another tab changing the theme changes it here too.
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
};

const apply = (preference: ThemePreference) => {
  const dark =
    preference === 'dark' || (preference === 'system' && window.matchMedia(darkQuery).matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
};

/** The theme preference, a setter that remembers it, and the page kept in step with it. */
export const useTheme = (): [ThemePreference, (preference: ThemePreference) => void] => {
  const preference = useSyncExternalStore(subscribe, readPreference);

  useEffect(() => {
    apply(preference);
    if (preference !== 'system') return;
    const media = window.matchMedia(darkQuery);
    const onChange = () => apply('system');
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, [preference]);

  const setPreference = useCallback((next: ThemePreference) => {
    try {
      if (next === 'system') window.localStorage.removeItem(STORAGE_KEY);
      else window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered when storage is refused; it still applies to this page.
      apply(next);
    }
    listeners.forEach((listener) => listener());
  }, []);

  return [preference, setPreference];
};
