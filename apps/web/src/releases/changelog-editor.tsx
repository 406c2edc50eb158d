import type { ReleaseView } from '@chorus/domain/client';
import { Button, Card, TextArea, TextField } from '@chorus/ui';
import { useId, type FormEvent } from 'react';
import { FormError } from '../lib/form-error';
import { Markdown } from '../public/markdown';
import { useCan } from '../auth/use-can';
import { fieldError } from '../settings/settings-kit';
import { useWriteChangelog } from './release-queries';

export type ChangelogDraft = { title: string; body: string };

export const draftOf = (release: ReleaseView): ChangelogDraft =>
  release.changelog ?? { title: '', body: '' };

export const isDirty = (release: ReleaseView, draft: ChangelogDraft): boolean => {
  const saved = draftOf(release);
  return saved.title !== draft.title || saved.body !== draft.body;
};

/** The release's changelog entry: a title and markdown, with the page as customers will see it. */
export const ChangelogEditor = ({
  release,
  draft,
  onChange,
}: {
  release: ReleaseView;
  draft: ChangelogDraft;
  onChange: (draft: ChangelogDraft) => void;
}) => {
  const write = useWriteChangelog(release.id);
  const previewId = useId();
  const published = release.state === 'published';
  // Read-only once published, and for who may not write it.
  const manager = useCan()('releases.manage');
  const readOnly = published || !manager;
  const dirty = isDirty(release, draft);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    write.mutate({ version: release.version, title: draft.title.trim(), body: draft.body });
  };

  const update = (next: ChangelogDraft) => {
    onChange(next);
    if (write.isError) write.reset();
  };

  return (
    <Card>
      <form className="changelog-editor" onSubmit={onSubmit} noValidate>
        <div className="card__title-row">
          <h2 className="card__title">Changelog entry</h2>
          <span className="card__meta" role="status">
            {published
              ? 'Published'
              : write.isPending
                ? 'Saving…'
                : dirty
                  ? 'Unsaved changes'
                  : release.changelog
                    ? 'Saved'
                    : 'Not written yet'}
          </span>
        </div>
        <TextField
          label="Title"
          required
          placeholder={readOnly ? undefined : 'e.g. Export your votes to CSV'}
          readOnly={readOnly}
          value={draft.title}
          error={fieldError(write.error, 'title')}
          onChange={(event) => update({ ...draft, title: event.target.value })}
        />
        <div className="changelog-editor__panes">
          <TextArea
            label="Body"
            rows={14}
            readOnly={readOnly}
            hint="Markdown: **bold**, _italic_, lists, [links](https://…)."
            placeholder={
              readOnly
                ? undefined
                : 'What changed, and why it matters to customers.\n\n- One thing\n- Another'
            }
            value={draft.body}
            error={fieldError(write.error, 'body')}
            onChange={(event) => update({ ...draft, body: event.target.value })}
          />
          <section className="changelog-editor__preview" aria-labelledby={previewId}>
            <h3 id={previewId} className="changelog-editor__preview-label">
              Preview
            </h3>
            <div className="changelog-editor__preview-body" data-testid="changelog-preview">
              {draft.title.trim() && <h4 className="changelog-entry__title">{draft.title}</h4>}
              {draft.body.trim() ? (
                <Markdown>{draft.body}</Markdown>
              ) : (
                <p className="detail__muted">The body shows here as customers will read it.</p>
              )}
            </div>
          </section>
        </div>
        <FormError error={write.error} shownBy={['title', 'body']} />
        {!readOnly && (
          <div className="changelog-editor__actions">
            {dirty && (
              <Button variant="ghost" onClick={() => update(draftOf(release))}>
                Discard changes
              </Button>
            )}
            <Button type="submit" variant="primary" loading={write.isPending} disabled={!dirty}>
              Save entry
            </Button>
          </div>
        )}
      </form>
    </Card>
  );
};
