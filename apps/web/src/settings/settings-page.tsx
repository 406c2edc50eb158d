import { Card, ErrorState, Spinner } from '@chorus/ui';
import { Link } from 'wouter';
import { describeError } from '../api/problem-error';
import { useCatalog } from '../queries/catalog';
import { BoardsSettings } from './boards-settings';
import { ScoringSettings } from './scoring-settings';
import { StatusesSettings } from './statuses-settings';
import { TagsSettings } from './tags-settings';

const sections = [
  { id: 'tags', label: 'Tags' },
  { id: 'statuses', label: 'Statuses' },
  { id: 'boards', label: 'Boards' },
  { id: 'scoring', label: 'Scoring' },
] as const;

const SettingsPage = ({ section }: { section: string }) => {
  const catalog = useCatalog();
  const current = sections.find((s) => s.id === section) ?? sections[0];

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1 className="page-header__title">Settings</h1>
          <p className="page-header__lead">How feedback is filed in this workspace.</p>
        </div>
      </div>
      <nav className="settings-nav" aria-label="Settings">
        {sections.map((s) => (
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
