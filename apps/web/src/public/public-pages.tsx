import type { ReactNode } from 'react';
import { Link, Route, Switch, useLocation } from 'wouter';
import { ErrorState } from '@chorus/ui';
import { BrandMark } from '../icons';
import { ChangelogEntries } from './changelog-entries';
import { usePublicChangelog, usePublicRoadmap } from './public-queries';
import { PublicRoadmap } from './public-roadmap';

const PublicChangelog = ({ slug }: { slug: string }) => {
  const changelog = usePublicChangelog(slug);
  return (
    <>
      <div className="page-header">
        <div>
          <h1 className="page-header__title">Changelog</h1>
          <p className="page-header__lead">What shipped, newest first.</p>
        </div>
      </div>
      <ChangelogEntries changelog={changelog} />
    </>
  );
};

const PublicShell = ({ slug, children }: { slug: string; children: ReactNode }) => {
  const [path] = useLocation();
  // The roadmap's answer names the workspace; until then (or if it fails) the slug stands in.
  const name = usePublicRoadmap(slug).data?.workspace.name ?? slug;
  const base = `/p/${encodeURIComponent(slug)}`;
  const links = [
    { href: base, label: 'Feedback' },
    { href: `${base}/roadmap`, label: 'Roadmap' },
    { href: `${base}/changelog`, label: 'Changelog' },
  ];
  return (
    <div className="public">
      <header className="public__header">
        <div className="public__brand">
          <BrandMark />
          <span>{name}</span>
        </div>
        <nav aria-label="Public pages">
          <ul className="public__nav">
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
      </header>
      <main className="public__main page page--wide" id="main">
        {children}
      </main>
      <footer className="public__footer">Powered by Chorus</footer>
    </div>
  );
};

/** A workspace's public roadmap and changelog, for anyone: no sign-in. */
const PublicPages = () => (
  <Switch>
    <Route path="/p/:slug/roadmap">
      {({ slug }) => (
        <PublicShell slug={slug}>
          <PublicRoadmap slug={slug} />
        </PublicShell>
      )}
    </Route>
    <Route path="/p/:slug/changelog">
      {({ slug }) => (
        <PublicShell slug={slug}>
          <PublicChangelog slug={slug} />
        </PublicShell>
      )}
    </Route>
    <Route>
      <div className="app-center">
        <ErrorState
          title="Page not found"
          detail="Public pages are /p/<workspace>/roadmap and /p/<workspace>/changelog."
        />
      </div>
    </Route>
  </Switch>
);

export default PublicPages;
