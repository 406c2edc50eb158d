import { Card, ErrorState, Spinner } from '@chorus/ui';
import { lazy, Suspense } from 'react';
import { Link } from 'wouter';
import { describeError } from '../api/problem-error';
import { useCan } from '../auth/use-can';
import { useCatalog } from '../queries/catalog';
import { useMe } from '../queries/me';
import { ApiKeysSettings } from './api-keys/api-keys-settings';
import { BoardsSettings } from './boards-settings';
import { NotificationSettings } from './notifications/notification-settings';
import { PeopleSettings } from './people/people-settings';
import { PortalSettings } from './portal/portal-settings';
import { firstSettingsSection, settingsSections } from './settings-sections';
import { ScoringSettings } from './scoring-settings';
import { SsoSettings } from './sso/sso-settings';
import { StatusesSettings } from './statuses-settings';
import { TagsSettings } from './tags-settings';

// The delivery log and its dialogs load only when the section is opened.
const WebhooksSettings = lazy(() => import('./webhooks/webhooks-settings'));
// Imports (upload, progress, problems) and the export load only when their section is opened.
const ImportSettings = lazy(() => import('./imports/import-settings'));
const ExportSettings = lazy(() => import('./export/export-settings'));

const SettingsPage = ({ section }: { section: string }) => {
  const catalog = useCatalog();
  const me = useMe();
  const can = useCan();
  const visible = settingsSections.filter((s) => !s.permission || can(s.permission));
  const current = visible.find((s) => s.id === section) ?? firstSettingsSection;

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1 className="page-header__title">Settings</h1>
          <p className="page-header__lead">How feedback is filed in this workspace.</p>
        </div>
      </div>
      <nav className="settings-nav" aria-label="Settings">
        {visible.map((s) => (
          <Link
            key={s.id}
            href={`/settings/${s.id}`}
            className="settings-nav__link"
            aria-current={s.id === current.id ? 'page' : undefined}
          >
            {s.label}
          </Link>
        ))}
      </nav>
      {current.id === 'scoring' ? (
        <ScoringSettings />
      ) : current.id === 'notifications' ? (
        <NotificationSettings />
      ) : current.id === 'webhooks' ? (
        <Suspense fallback={<Spinner label="Loading webhooks" />}>
          <WebhooksSettings />
        </Suspense>
      ) : current.id === 'import' ? (
        <Suspense fallback={<Spinner label="Loading imports" />}>
          <ImportSettings />
        </Suspense>
      ) : current.id === 'export' ? (
        <Suspense fallback={<Spinner label="Loading the export" />}>
          <ExportSettings />
        </Suspense>
      ) : current.id === 'api-keys' ? (
        <ApiKeysSettings />
      ) : current.id === 'people' && me.data ? (
        <PeopleSettings meId={me.data.id} />
      ) : current.id === 'sso' ? (
        <SsoSettings />
      ) : current.id === 'portal' && me.data ? (
        <PortalSettings workspace={me.data.workspace.slug} />
      ) : catalog.isPending ? (
        <Spinner label="Loading settings" />
      ) : catalog.isError ? (
        <Card padded={false}>
          <ErrorState
            title="Couldn't load the settings"
            detail={describeError(catalog.error)}
            onRetry={() => void catalog.refetch()}
            retrying={catalog.isFetching}
          />
        </Card>
      ) : current.id === 'tags' ? (
        <TagsSettings catalog={catalog.data} />
      ) : current.id === 'statuses' ? (
        <StatusesSettings catalog={catalog.data} />
      ) : (
        <BoardsSettings catalog={catalog.data} />
      )}
    </div>
  );
};

export default SettingsPage;
