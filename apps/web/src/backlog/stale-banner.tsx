import { Button } from '@chorus/ui';

/**
 * Shown when a change was refused with 412: someone changed the item after it was opened here.
 * Reloading shows their version; the change is then made again on top of it.
 */
export const StaleBanner = ({ onReload }: { onReload: () => void }) => (
  <div className="banner banner--danger" role="alert">
    <p>
      <strong>This item changed since you opened it.</strong> Reload to see the latest version, then
      make your change again.
    </p>
    <div className="banner__actions">
      <Button size="sm" variant="primary" onClick={onReload}>
        Reload
      </Button>
    </div>
  </div>
);
