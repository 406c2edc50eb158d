import './i18n';
import type { Me } from '@chorus/domain/client';
import { Button, ErrorState, Select, Spinner } from '@chorus/ui';
import { useEffect, useRef, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { Link, Route, Switch, useLocation } from 'wouter';
import { describeError } from '../api/problem-error';
import { BellIcon, BrandMark } from '../icons';
import { usePublicRoadmap } from '../public/public-queries';
import { ChangelogPage } from './changelog-page';
import { FeedbackDetail } from './feedback-detail';
import { FeedbackList } from './feedback-list';
import { changePortalLanguage, portalI18n, portalLanguages, type PortalLanguage } from './i18n';
import { MyRequests } from './my-requests';
import { NotificationsPage } from './notifications-page';
import { portalPath } from './portal-paths';
import { usePortalMe, usePortalNotifications, useSignOut } from './portal-queries';
import { PortalSignIn } from './portal-sign-in';
import { RoadmapPage } from './roadmap-page';
import { SubmitFeedback } from './submit-feedback';

const LanguageSwitcher = () => {
  const { t, i18n } = useTranslation();
  return (
    <Select
      className="portal__language"
      label={t('shell.language')}
      hideLabel
      value={i18n.language}
      options={portalLanguages.map(({ code, name }) => ({ value: code, label: name }))}
      onChange={(event) => void changePortalLanguage(event.target.value as PortalLanguage)}
    />
  );
};

const PortalShell = ({
  slug,
  me,
  wide = false,
  children,
}: {
  slug: string;
  me: Me | null;
  /** Room for the roadmap's columns. */
  wide?: boolean;
  children: ReactNode;
}) => {
  const { t } = useTranslation();
  const [path] = useLocation();
  const signOut = useSignOut();
  const mine = me?.workspace.slug === slug ? me : null;
  const unread = usePortalNotifications(mine !== null).data?.pages[0]?.unreadCount ?? 0;
  // Signed in here, the session names the workspace; otherwise the public roadmap does.
  const publicName = usePublicRoadmap(slug).data?.workspace.name;
  const name = mine?.workspace.name ?? publicName ?? slug;
  const links = [
    { href: portalPath(slug), label: t('nav.feedback') },
    { href: portalPath(slug, 'submit'), label: t('nav.submit') },
    { href: portalPath(slug, 'mine'), label: t('nav.mine') },
    { href: portalPath(slug, 'roadmap'), label: t('nav.roadmap') },
    { href: portalPath(slug, 'changelog'), label: t('nav.changelog') },
  ];

  useEffect(() => {
    document.title = `${name} · ${t('shell.title')}`;
  }, [name, t]);

  // After moving to another page, keyboard and screen reader users start at its content.
  const main = useRef<HTMLElement>(null);
  const shownPath = useRef(path);
  useEffect(() => {
    if (shownPath.current === path) return;
    shownPath.current = path;
    main.current?.focus();
  }, [path]);

  return (
    <div className="public portal">
      <a className="portal__skip" href="#main">
        {t('shell.skip')}
      </a>
      <header className="public__header portal__header">
        <div className="public__brand">
          <BrandMark />
          <span>{name}</span>
        </div>
        <nav aria-label={t('nav.label')} className="portal__nav-wrap">
          <ul className="public__nav portal__nav">
            {links.map((link) => (
              <li key={link.href}>
                <Link
                  className="public__link"
                  href={link.href}
                  aria-current={path === link.href ? 'page' : undefined}
                >
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="portal__account">
          <LanguageSwitcher />
          {mine && (
            <>
              <Link
                className="portal__bell"
                href={portalPath(slug, 'notifications')}
                aria-label={
                  unread > 0
                    ? t('nav.notificationsUnread', { count: unread })
                    : t('nav.notifications')
                }
                aria-current={path === portalPath(slug, 'notifications') ? 'page' : undefined}
              >
                <BellIcon />
                {unread > 0 && (
                  <span className="portal__bell-count" aria-hidden="true">
                    {unread}
                  </span>
                )}
              </Link>
              <span className="portal__who" data-testid="portal-user">
                {mine.name}
              </span>
              <Button size="sm" onClick={() => signOut.mutate()} loading={signOut.isPending}>
                {t('shell.signOut')}
              </Button>
            </>
          )}
        </div>
      </header>
      <main
        className={`public__main page portal__main${wide ? ' portal__main--wide' : ''}`}
        id="main"
        ref={main}
        tabIndex={-1}
      >
        {children}
      </main>
      <footer className="public__footer">{t('shell.poweredBy')}</footer>
    </div>
  );
};

/**
 * Until the reader is known, no header either: their name, buttons and the workspace's name
 * arriving later would push the whole page down.
 */
const ReaderLoading = () => {
  const { t } = useTranslation();
  return (
    <div className="app-center">
      <Spinner size="lg" label={t('common.loading')} />
    </div>
  );
};

/** The pages a customer reaches only signed in to this workspace; the sign-in otherwise. */
const SignedIn = ({ slug, children }: { slug: string; children: (me: Me) => ReactNode }) => {
  const { t } = useTranslation();
  const me = usePortalMe();
  if (me.isPending) return <ReaderLoading />;
  let body: ReactNode;
  if (me.isError) {
    body = (
      <ErrorState
        title={t('common.loadError')}
        detail={describeError(me.error)}
        onRetry={() => void me.refetch()}
        retrying={me.isFetching}
      />
    );
  } else if (me.data === null || me.data.workspace.slug !== slug) {
    body = <PortalSignIn slug={slug} otherWorkspace={me.data?.workspace.name ?? null} />;
  } else {
    body = children(me.data);
  }
  return (
    <PortalShell slug={slug} me={me.data ?? null}>
      {body}
    </PortalShell>
  );
};

/** The pages anyone may read, signed in or not: the public roadmap and changelog. */
const Open = ({
  slug,
  wide = false,
  children,
}: {
  slug: string;
  wide?: boolean;
  children: ReactNode;
}) => {
  const me = usePortalMe();
  if (me.isPending) return <ReaderLoading />;
  return (
    <PortalShell slug={slug} me={me.data ?? null} wide={wide}>
      {children}
    </PortalShell>
  );
};

/**
 * A workspace's customer portal: feedback, submitting, voting, "my requests", and the public
 * roadmap and changelog, all under one header and language.
 */
const PortalPages = () => (
  <I18nextProvider i18n={portalI18n}>
    <Switch>
      <Route path="/p/:slug/roadmap">
        {({ slug }) => (
          <Open slug={slug} wide>
            <RoadmapPage slug={slug} />
          </Open>
        )}
      </Route>
      <Route path="/p/:slug/changelog">
        {({ slug }) => (
          <Open slug={slug}>
            <ChangelogPage slug={slug} />
          </Open>
        )}
      </Route>
      <Route path="/p/:slug/feedback/:id">
        {({ slug, id }) => (
          <SignedIn slug={slug}>{() => <FeedbackDetail slug={slug} id={id} />}</SignedIn>
        )}
      </Route>
      <Route path="/p/:slug/submit">
        {({ slug }) => <SignedIn slug={slug}>{() => <SubmitFeedback slug={slug} />}</SignedIn>}
      </Route>
      <Route path="/p/:slug/notifications">
        {({ slug }) => <SignedIn slug={slug}>{() => <NotificationsPage slug={slug} />}</SignedIn>}
      </Route>
      <Route path="/p/:slug/mine">
        {({ slug }) => (
          <SignedIn slug={slug}>{(me) => <MyRequests slug={slug} me={me} />}</SignedIn>
        )}
      </Route>
      <Route path="/p/:slug">
        {({ slug }) => <SignedIn slug={slug}>{() => <FeedbackList slug={slug} />}</SignedIn>}
      </Route>
      <Route>
        <NotFound />
      </Route>
    </Switch>
  </I18nextProvider>
);

const NotFound = () => {
  const { t } = useTranslation();
  return (
    <main className="app-center">
      <ErrorState title={t('common.notFound')} detail={t('common.notFoundDetail')} />
    </main>
  );
};

export default PortalPages;
