import { Spinner } from '@chorus/ui';
import { useEffect } from 'react';
import { resumeSession } from './auth-api';

/** Shown at startup without a token while the API says whether the session cookie is good. */
export const SessionCheck = () => {
  useEffect(() => {
    void resumeSession();
  }, []);
  return (
    <div className="app-center">
      <Spinner size="lg" label="Loading your workspace" />
    </div>
  );
};
