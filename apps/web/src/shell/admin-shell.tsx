import { Badge, ErrorState, Spinner } from '@chorus/ui';
import { lazy, Suspense, type ReactNode } from 'react';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { can, roleLabels, type Permission } from '@chorus/domain/client';
import { describeError } from '../api/problem-error';
import type { Me } from '../api/types';
import { SignOutButton } from '../auth/sign-out-button';
import { FeedbackInbox } from '../feedback/feedback-inbox';
import {
  AuditIcon,
  BacklogIcon,
  BrandMark,
  BuildingIcon,
  ComponentsIcon,
  DashboardIcon,
  InboxIcon,
  ReleaseIcon,
  RoadmapIcon,
  SettingsIcon,
  SprintIcon,
  UsersIcon,
} from '../icons';
import { initials } from '../lib/format';
import { NotificationsBell } from '../notifications/notifications-bell';
import { ProfileButton } from '../profile/profile-button';
import { useMe } from '../queries/me';
import { ThemeSelect } from '../theme/theme-select';
import { SearchButton, ShellCommands } from './shell-commands';

// Pages a triager opens now and then load on first visit, keeping the inbox's bundle small.
const CompaniesPage = lazy(() => import('../companies/companies-page'));
const CompanyPage = lazy(() => import('../companies/company-page'));
const CustomersPage = lazy(() => import('../customers/customers-page'));
const BacklogPage = lazy(() => import('../backlog/backlog-page'));
const BacklogItemPage = lazy(() => import('../backlog/item-page'));
const NextPage = lazy(() => import('../prioritisation/next-page'));
const SprintsPage = lazy(() => import('../sprints/sprints-page'));
const SprintPage = lazy(() => import('../sprints/sprint-page'));
const RoadmapPage = lazy(() => import('../roadmap/roadmap-page'));
const ReleasesPage = lazy(() => import('../releases/releases-page'));
const ReleasePage = lazy(() => import('../releases/release-page'));
const ChangelogPage = lazy(() => import('../releases/changelog-page'));
const SettingsPage = lazy(() => import('../settings/settings-page'));
const PmDashboardPage = lazy(() => import('../dashboards/pm-dashboard-page'));
const PoDashboardPage = lazy(() => import('../dashboards/po-dashboard-page'));
const AuditPage = lazy(() => import('../audit/audit-page'));
const DesignSystemPage = lazy(() => import('../design-system/design-system-page'));

type NavItem = {
  href: string;
  label: string;
  icon: ReactNode;
  matches: (path: string) => boolean;
  /** What the page reads: a role without it does not see the item (docs/permissions.md). */
  permission: Permission;
};

const navItems: NavItem[] = [
  {
    href: '/',
    label: 'Inbox',
    icon: <InboxIcon />,
    matches: (path) => path === '/',
    permission: 'feedback.read',
  },
  {
    href: '/dashboards/pm',
    label: 'Dashboards',
    icon: <DashboardIcon />,
    matches: (path) => path.startsWith('/dashboards'),
    permission: 'dashboards.read',
  },
  {
    href: '/backlog',
    label: 'Backlog',
    icon: <BacklogIcon />,
    matches: (path) => path.startsWith('/backlog'),
    permission: 'backlog.read',
  },
  {
    href: '/sprints',
    label: 'Sprints',
    icon: <SprintIcon />,
    matches: (path) => path.startsWith('/sprints'),
    permission: 'sprints.read',
  },
  {
    href: '/roadmap',
    label: 'Roadmap',
    icon: <RoadmapIcon />,
    matches: (path) => path.startsWith('/roadmap'),
    permission: 'roadmap.read',
  },
  {
    href: '/releases',
    label: 'Releases',
    icon: <ReleaseIcon />,
    matches: (path) => path.startsWith('/releases') || path.startsWith('/changelog'),
    permission: 'releases.read',
  },
  {
    href: '/companies',
    label: 'Companies',
    icon: <BuildingIcon />,
    matches: (path) => path.startsWith('/companies'),
    permission: 'customers.read',
  },
  {
    href: '/customers',
    label: 'Customers',
    icon: <UsersIcon />,
    matches: (path) => path.startsWith('/customers'),
    permission: 'customers.read',
  },
  {
    href: '/settings/tags',
    label: 'Settings',
    icon: <SettingsIcon />,
    matches: (path) => path.startsWith('/settings'),
    permission: 'catalog.read',
  },
  {
    href: '/audit',
    label: 'Audit trail',
    icon: <AuditIcon />,
    matches: (path) => path.startsWith('/audit'),
    permission: 'audit.read',
  },
  {
    href: '/design-system',
    label: 'Design system',
    icon: <ComponentsIcon />,
    matches: (path) => path.startsWith('/design-system'),
    permission: 'profile.read',
  },
];

const pageName = (path: string) =>
  navItems.find((item) => item.matches(path))?.label ?? 'Not found';

const Sidebar = ({ me }: { me: Me }) => {
  const [path] = useLocation();
  return (
    <aside className="sidebar">
      <div className="sidebar__brand">
        <BrandMark />
        <span>Chorus</span>
      </div>
      <nav className="sidebar__nav" aria-label="Main">
        <ul>
          {navItems
            .filter((item) => can(me.role, item.permission))
            .map((item) => (
              <li key={item.href}>
                <Link
                  className="sidebar__link"
                  href={item.href}
                  aria-current={item.matches(path) ? 'page' : undefined}
                >
                  {item.icon}
                  {item.label}
                </Link>
              </li>
            ))}
        </ul>
      </nav>
      <div className="sidebar__workspace">
        <span className="sidebar__workspace-mark" aria-hidden="true">
          {initials(me.workspace.name)}
        </span>
        <span className="sidebar__workspace-text">
          <span className="sidebar__workspace-name">{me.workspace.name}</span>
          <span className="sidebar__workspace-slug">{me.workspace.slug}</span>
        </span>
      </div>
    </aside>
  );
};

const Header = ({ me }: { me: Me }) => {
  const [path] = useLocation();
  return (
    <header className="topbar">
      <p className="topbar__crumbs">
        <span className="topbar__workspace">{me.workspace.name}</span>
        <span className="topbar__separator" aria-hidden="true">
          /
        </span>
        <span>{pageName(path)}</span>
      </p>
      <div className="topbar__user">
        <SearchButton />
        <ThemeSelect />
        <NotificationsBell />
        <span className="topbar__identity">
          <ProfileButton me={me} />
          <Badge tone={me.role === 'customer' ? 'neutral' : 'accent'}>{roleLabels[me.role]}</Badge>
        </span>
        <SignOutButton />
      </div>
    </header>
  );
};

const PageLoading = () => (
  <div className="app-center app-center--page">
    <Spinner size="lg" label="Loading page" />
  </div>
);

const NotFound = () => (
  <ErrorState
    title="Page not found"
    detail="The address does not match any page of the admin app."
  />
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

  const pages = navItems
    .filter((item) => can(me.data.role, item.permission))
    .map(({ href, label }) => ({ href, label }));

  return (
    <ShellCommands pages={pages}>
      <div className="shell">
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <Sidebar me={me.data} />
        <div className="shell__body">
          <Header me={me.data} />
          <main className="shell__main" id="main" tabIndex={-1}>
            <Suspense fallback={<PageLoading />}>
              <Switch>
                <Route path="/">
                  <FeedbackInbox me={me.data} />
                </Route>
                <Route path="/dashboards">
                  <Redirect to="/dashboards/pm" replace />
                </Route>
                <Route path="/dashboards/pm">
                  <PmDashboardPage />
                </Route>
                <Route path="/dashboards/po">
                  <PoDashboardPage />
                </Route>
                <Route path="/backlog">
                  <BacklogPage />
                </Route>
                <Route path="/backlog/next">
                  <NextPage />
                </Route>
                <Route path="/backlog/:id">{(params) => <BacklogItemPage id={params.id} />}</Route>
                <Route path="/sprints">
                  <SprintsPage />
                </Route>
                <Route path="/sprints/:id">{(params) => <SprintPage id={params.id} />}</Route>
                <Route path="/roadmap">
                  <RoadmapPage />
                </Route>
                <Route path="/releases">
                  <ReleasesPage />
                </Route>
                <Route path="/releases/:id">{(params) => <ReleasePage id={params.id} />}</Route>
                <Route path="/changelog">
                  <ChangelogPage />
                </Route>
                <Route path="/companies">
                  <CompaniesPage />
                </Route>
                <Route path="/companies/:id">{(params) => <CompanyPage id={params.id} />}</Route>
                <Route path="/customers">
                  <CustomersPage />
                </Route>
                <Route path="/audit">
                  <AuditPage />
                </Route>
                <Route path="/design-system">
                  <DesignSystemPage />
                </Route>
                <Route path="/settings/:section">
                  {(params) => <SettingsPage section={params.section} />}
                </Route>
                <Route>
                  <NotFound />
                </Route>
              </Switch>
            </Suspense>
          </main>
        </div>
      </div>
    </ShellCommands>
  );
};
