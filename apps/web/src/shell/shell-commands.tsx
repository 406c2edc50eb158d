import type { Permission } from '@chorus/domain/client';
import { Button, Kbd } from '@chorus/ui';
import {
  createContext,
  lazy,
  Suspense,
  useCallback,
  useContext,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { useCan } from '../auth/use-can';
import type { PalettePage } from '../command-palette/palette-sources';
import { SearchIcon } from '../icons';
import { ShortcutsDialog, type GoToShortcut } from '../shortcuts/shortcuts-dialog';
import { useGlobalShortcuts } from '../shortcuts/use-global-shortcuts';

// The palette and its searches load the first time it is opened.
const CommandPalette = lazy(() => import('../command-palette/command-palette'));

/** `g` then a key: the areas a triager and a product team visit most. */
const goToKeys: readonly (GoToShortcut & { href: string; permission: Permission })[] = [
  { key: 'i', label: 'Inbox', href: '/', permission: 'feedback.read' },
  { key: 'b', label: 'Backlog', href: '/backlog', permission: 'backlog.read' },
  { key: 's', label: 'Sprints', href: '/sprints', permission: 'sprints.read' },
  { key: 'r', label: 'Roadmap', href: '/roadmap', permission: 'roadmap.read' },
  { key: 'd', label: 'Dashboards', href: '/dashboards/pm', permission: 'dashboards.read' },
];

const OpenPalette = createContext<() => void>(() => undefined);

/** The header's search button, which opens the command palette. */
export const SearchButton = () => {
  const openPalette = useContext(OpenPalette);
  const mac = /Mac|iPhone|iPad/.test(navigator.userAgent);
  return (
    <Button
      variant="secondary"
      size="sm"
      className="search-button"
      icon={<SearchIcon />}
      onClick={openPalette}
      aria-keyshortcuts={mac ? 'Meta+K' : 'Control+K'}
    >
      Search
      <span aria-hidden="true">
        <Kbd>{mac ? '⌘K' : 'Ctrl K'}</Kbd>
      </span>
    </Button>
  );
};

/** The command palette and the shortcuts dialog, with the keys that open them, around the shell. */
export const ShellCommands = ({
  pages,
  children,
}: {
  pages: readonly PalettePage[];
  children: ReactNode;
}) => {
  const can = useCan();
  const [paletteLoaded, setPaletteLoaded] = useState(false);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);

  const goTo = useMemo(() => goToKeys.filter((entry) => can(entry.permission)), [can]);
  const goToMap = useMemo(() => new Map(goTo.map((entry) => [entry.key, entry.href])), [goTo]);
  const openPalette = useCallback(() => {
    setPaletteLoaded(true);
    setPaletteOpen(true);
  }, []);

  useGlobalShortcuts({
    onOpenPalette: openPalette,
    onShowShortcuts: () => setShortcutsOpen(true),
    goTo: goToMap,
  });

  return (
    <OpenPalette.Provider value={openPalette}>
      {children}
      {paletteLoaded && (
        <Suspense fallback={null}>
          <CommandPalette open={paletteOpen} onClose={() => setPaletteOpen(false)} pages={pages} />
        </Suspense>
      )}
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} goTo={goTo} />
    </OpenPalette.Provider>
  );
};
