import { useTranslation } from 'react-i18next';
import { ChangelogEntries, type ChangelogCopy } from '../public/changelog-entries';
import { usePublicChangelog } from '../public/public-queries';

/** The workspace's published changelog, newest first, for anyone: no sign-in. */
export const ChangelogPage = ({ slug }: { slug: string }) => {
  const { t, i18n } = useTranslation();
  const changelog = usePublicChangelog(slug);
  const dateTime = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const copy: ChangelogCopy = {
    noWorkspace: t('public.noWorkspace'),
    loadError: t('changelog.loadError'),
    empty: t('changelog.empty'),
    emptyHint: t('changelog.emptyHint'),
    entries: t('changelog.entries'),
    inRelease: (name) => t('changelog.inRelease', { name }),
    loadMoreError: t('common.loadMoreError'),
    older: t('changelog.older'),
    formatDate: (iso) => dateTime.format(new Date(iso)),
  };
  return (
    <>
      <div className="page-header">
        <div>
          <h1 className="page-header__title">{t('changelog.title')}</h1>
          <p className="page-header__lead">{t('changelog.lead')}</p>
        </div>
      </div>
      <ChangelogEntries changelog={changelog} copy={copy} />
    </>
  );
};
