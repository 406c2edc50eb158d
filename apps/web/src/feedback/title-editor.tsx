import { FEEDBACK_TITLE_MAX } from '@chorus/domain/client';
import { Button, TextField } from '@chorus/ui';
import { useState, type FormEvent } from 'react';
import { describeError, isProblem, ProblemError } from '../api/problem-error';
import type { FeedbackItem } from '../api/types';
import { PencilIcon } from '../icons';
import { useEditTitle } from '../queries/feedback-mutations';
import { validateTitle } from './validation';

const STALE_MESSAGE =
  'Someone else changed this feedback while you were editing. The latest version is loaded: check it, then save again.';

export const TitleEditor = ({
  item,
  headingId,
  editable,
}: {
  item: FeedbackItem;
  headingId: string;
  /** Whether the person may edit it: its author, or a teammate. */
  editable: boolean;
}) => {
  const edit = useEditTitle(item.id);
  const [draft, setDraft] = useState<string | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [saved, setSaved] = useState(false);

  const editing = draft !== null;
  const stale = isProblem(edit.error, 412);

  const startEditing = () => {
    edit.reset();
    setAttempted(false);
    setSaved(false);
    setDraft(item.title);
  };

  const stopEditing = () => {
    edit.reset();
    setDraft(null);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (draft === null) return;
    setAttempted(true);
    if (validateTitle(draft)) return;
    const title = draft.trim();
    if (title === item.title) {
      stopEditing();
      return;
    }
    edit.mutate(
      { title, version: item.version },
      {
        onSuccess: () => {
          setDraft(null);
          setSaved(true);
        },
      },
    );
  };

  const heading = (
    <h2 id={headingId} className={editing ? 'ui-visually-hidden' : 'detail__title'}>
      {item.title}
    </h2>
  );

  if (!editing) {
    return (
      <div className="title-view">
        {heading}
        {editable && (
          <Button variant="ghost" size="sm" icon={<PencilIcon />} onClick={startEditing}>
            Edit<span className="ui-visually-hidden"> title</span>
          </Button>
        )}
        <p className="ui-visually-hidden" role="status">
          {saved ? 'Title saved.' : ''}
        </p>
      </div>
    );
  }

  const clientError = attempted ? validateTitle(draft) : undefined;
  const serverError =
    edit.error instanceof ProblemError ? edit.error.fieldMessage('title') : undefined;
  const formError =
    edit.isError && !serverError ? (stale ? STALE_MESSAGE : describeError(edit.error)) : null;

  return (
    <form className="title-editor" onSubmit={submit} noValidate>
      {heading}
      <TextField
        label="Title"
        value={draft}
        autoFocus
        required
        error={clientError ?? serverError}
        aside={`${draft.trim().length}/${FEEDBACK_TITLE_MAX}`}
        hint={stale ? `Latest saved title: “${item.title}”` : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            stopEditing();
          }
        }}
      />
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="title-editor__actions">
        <Button type="submit" variant="primary" size="sm" loading={edit.isPending}>
          Save
        </Button>
        <Button variant="ghost" size="sm" onClick={stopEditing}>
          Cancel
        </Button>
      </div>
    </form>
  );
};
