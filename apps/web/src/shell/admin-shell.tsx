import { Badge, Button, ErrorState, Spinner } from '@chorus/ui';
import { describeError } from '../api/problem-error';
import type { Me } from '../api/types';
import { signOut } from '../auth/auth-store';
import { FeedbackInbox } from '../feedback/feedback-inbox';
import { BrandMark, InboxIcon, SignOutIcon } from '../icons';
import { initials } from '../lib/format';
import { updateSearchParams } from '../lib/url-state';
import { useMe } from '../queries/me';

const roleLabels: Record<Me['role'], string> = {
  admin: 'Admin',
  staff: 'Staff',
  customer: 'Customer',
};

const Sidebar = ({ workspace }: { workspace: Me['workspace'] }) => (
  <aside className="sidebar">
    <div className="sidebar__brand">
      <BrandMark />
      <span>Chorus</span>
    </div>
    <nav className="sidebar__nav" aria-label="Main">
      <ul>
        <li>
          <a
            className="sidebar__link"
            href="/"
            aria-current="page"
            onClick={(event) => {
              event.preventDefault();
              updateSearchParams({ feedback: null, sort: null, status: null }, 'push');
            }}
          >
            <InboxIcon />
            Inbox
          </a>
        </li>
      </ul>
    </nav>
    <div className="sidebar__workspace">
      <span className="sidebar__workspace-mark" aria-hidden="true">
        {initials(workspace.name)}
      </span>
      <span className="sidebar__workspace-text">
        <span className="sidebar__workspace-name">{workspace.name}</span>
        <span className="sidebar__workspace-slug">{workspace.slug}</span>
      </span>
    </div>
  </aside>
);

const Header = ({ me }: { me: Me }) => (
  <header className="topbar">
    <p className="topbar__crumbs">
      <span className="topbar__workspace">{me.workspace.name}</span>
      <span className="topbar__separator" aria-hidden="true">
        /
      </span>
      <span>Inbox</span>
    </p>
    <div className="topbar__user">
      <span className="avatar" aria-hidden="true">
        {initials(me.name)}
      </span>
      <span className="topbar__identity">
        <span className="topbar__name">{me.name}</span>
        <Badge tone={me.role === 'customer' ? 'neutral' : 'accent'}>{roleLabels[me.role]}</Badge>
      </span>
      <Button variant="ghost" size="sm" icon={<SignOutIcon />} onClick={() => signOut()}>
        Sign out
      </Button>
    </div>
  </header>
);

export const AdminShell = () => {
  const me = useMe();

  if (me.isPending) {
    return (
      <div className="app-center">
        <Spinner size="lg" label="Loading your workspace" />
      </div>
    );
  }
  if (me.isError) {
    return (
      <div className="app-center">
        <ErrorState
          title="Couldn't load your workspace"
          detail={describeError(me.error)}
          onRetry={() => void me.refetch()}
          retrying={me.isFetching}
        />
      </div>
    );
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Sidebar workspace={me.data.workspace} />
      <div className="shell__body">
        <Header me={me.data} />
        <main className="shell__main" id="main" tabIndex={-1}>
          <FeedbackInbox me={me.data} />
        </main>
      </div>
    </div>
  );
};
