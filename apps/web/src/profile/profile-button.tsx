import { lazy, Suspense, useState } from 'react';
import type { Me } from '../api/types';
import { initials } from '../lib/format';

const ProfileDialog = lazy(() => import('./profile-dialog'));

/** The signed-in person in the top bar: opens their profile, where they change their password. */
export const ProfileButton = ({ me }: { me: Me }) => {
  const [open, setOpen] = useState(false);
  // Loaded on first opening, then kept so the dialog closes (and gives focus back) natively.
  const [loaded, setLoaded] = useState(false);
  return (
    <>
      <button
        type="button"
        className="profile-button"
        aria-haspopup="dialog"
        onClick={() => {
          setLoaded(true);
          setOpen(true);
        }}
      >
        <span className="avatar" aria-hidden="true">
          {initials(me.name)}
        </span>
        <span className="topbar__name">
          <span className="ui-visually-hidden">Your profile: </span>
          {me.name}
        </span>
      </button>
      {loaded && (
        <Suspense fallback={null}>
          <ProfileDialog me={me} open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
};
