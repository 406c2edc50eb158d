import { FEEDBACK_TITLE_MAX, FEEDBACK_TITLE_MIN } from '@chorus/domain/client';
import { Button, Card, Select, TextArea, TextField } from '@chorus/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { ProblemError } from '../api/problem-error';
import { FormError } from '../lib/form-error';
import { useDebounced } from '../lib/use-debounced';
import { feedbackPath } from './portal-paths';
import { usePortalCatalog, useSimilarFeedback, useSubmitFeedback } from './portal-queries';
import { PortalStatus } from './portal-ui';

/** Feedback already asked for that reads like the title being typed: a vote may be enough. */
const Similar = ({ slug, title }: { slug: string; title: string }) => {
  const { t } = useTranslation();
  const catalog = usePortalCatalog(true);
  const similar = useSimilarFeedback(title);
  const suggestions = title.length >= FEEDBACK_TITLE_MIN ? (similar.data?.suggestions ?? []) : [];
  return (
    <section className="portal-similar" aria-labelledby="portal-similar-title" aria-live="polite">
      {suggestions.length > 0 && (
        <>
          <h2 id="portal-similar-title" className="portal-detail__subtitle">
            {t('submit.similarTitle')}
          </h2>
          <p className="portal-muted">{t('submit.similarHint')}</p>
          <ul className="portal-similar__list" data-testid="similar-suggestions">
            {suggestions.map((suggestion) => (
              <li key={suggestion.id} className="portal-similar__item">
                <Link href={feedbackPath(slug, suggestion.id)}>{suggestion.title}</Link>
                <span className="portal-similar__meta">
                  <PortalStatus status={suggestion.status} catalog={catalog.data} />
                  {t('feedback.voteCount', { count: suggestion.voteCount })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
};

export const SubmitFeedback = ({ slug }: { slug: string }) => {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const catalog = usePortalCatalog(true);
  const submit = useSubmitFeedback();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [boardId, setBoardId] = useState('');
  const settledTitle = useDebounced(title.trim(), 300);
  const boards = (catalog.data?.boards ?? []).filter((board) => board.visibility === 'public');
  const fieldError = (field: string) =>
    submit.error instanceof ProblemError ? submit.error.fieldMessage(field) : undefined;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate(
      {
        title: title.trim(),
        ...(description.trim() ? { description: description.trim() } : {}),
        ...(boardId ? { boardId } : {}),
      },
      { onSuccess: (created) => navigate(feedbackPath(slug, created.id)) },
    );
  };

  return (
    <>
      <div className="page-header">
        <div>
          <h1 className="page-header__title">{t('submit.title')}</h1>
          <p className="page-header__lead">{t('submit.lead')}</p>
        </div>
      </div>
      <div className="portal-submit">
        <Card>
          <form className="portal-form" onSubmit={onSubmit} noValidate>
            <TextField
              label={t('submit.titleLabel')}
              required
              maxLength={FEEDBACK_TITLE_MAX}
              value={title}
              hint={t('submit.titleHint')}
              onChange={(event) => setTitle(event.target.value)}
              error={fieldError('title')}
            />
            <TextArea
              label={t('submit.description')}
              rows={6}
              value={description}
              hint={t('submit.descriptionHint')}
              onChange={(event) => setDescription(event.target.value)}
              error={fieldError('description')}
            />
            {boards.length > 1 && (
              <Select
                label={t('feedback.board')}
                value={boardId}
                options={[
                  { value: '', label: t('submit.defaultBoard') },
                  ...boards.map((board) => ({ value: board.id, label: board.name })),
                ]}
                onChange={(event) => setBoardId(event.target.value)}
                error={fieldError('boardId')}
              />
            )}
            <FormError error={submit.error} shownBy={['title', 'description', 'boardId']} />
            <div className="portal-form__actions">
              <Button type="submit" variant="primary" loading={submit.isPending}>
                {t('submit.send')}
              </Button>
            </div>
          </form>
        </Card>
        <Similar slug={slug} title={settledTitle} />
      </div>
    </>
  );
};
