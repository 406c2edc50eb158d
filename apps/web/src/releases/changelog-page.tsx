import { Link } from 'wouter';
import { ChangelogEntries } from '../public/changelog-entries';
import { useMe } from '../queries/me';
import { useChangelog } from './release-queries';

/** The team's view of its published changelog, as customers see it. */
const ChangelogPage = () => {
  const changelog = useChangelog();
  const slug = useMe().data?.workspace.slug;
  return (
    <div className="page page--narrow">
      <div className="page-header">
        <div>
          <p className="page-header__eyebrow">
            <Link href="/releases">Releases</Link>
          </p>
          <h1 className="page-header__title">Changelog</h1>
          <p className="page-header__lead">
            Published entries, newest first
            {slug && (
              <>
                {' '}
                — public at{' '}
                <Link href={`/p/${encodeURIComponent(slug)}/changelog`}>/p/{slug}/changelog</Link>
              </>
            )}
            .
          </p>
        </div>
      </div>
      <ChangelogEntries changelog={changelog} />
    </div>
  );
};

export default ChangelogPage;
