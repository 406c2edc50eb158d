import { FEEDBACK_DESCRIPTION_MAX, FEEDBACK_TITLE_MAX } from '@chorus/domain/client';
import { Button, Dialog, TextArea, TextField } from '@chorus/ui';
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { describeError, ProblemError } from '../api/problem-error';
import type { FeedbackItem } from '../api/types';
import { useSubmitFeedback } from '../queries/feedback-mutations';
import { validateDescription, validateTitle } from './validation';

type NewFeedbackFormProps = {
  onCancel: () => void;
  onSubmitted: (item: FeedbackItem) => void;
};

const KNOWN_FIELDS = ['title', 'description'];

const NewFeedbackForm = ({ onCancel, onSubmitted }: NewFeedbackFormProps) => {
  const submit = useSubmitFeedback();
  const titleRef = useRef<HTMLInputElement>(null);
  const descriptionRef = useRef<HTMLTextAreaElement>(null);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [touched, setTouched] = useState({ title: false, description: false });

  const problem = submit.error instanceof ProblemError ? submit.error : null;
  const titleError =
    (touched.title ? validateTitle(title) : undefined) ?? problem?.fieldMessage('title');
  const descriptionError =
    (touched.description ? validateDescription(description) : undefined) ??
    problem?.fieldMessage('description');
  const otherFieldErrors = problem?.fieldErrorsExcept(KNOWN_FIELDS) ?? [];

  const clearServerErrors = () => {
    if (submit.isError) submit.reset();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched({ title: true, description: true });
    if (validateTitle(title)) {
      titleRef.current?.focus();
      return;
    }
    if (validateDescription(description)) {
      descriptionRef.current?.focus();
      return;
    }
    submit.mutate(
      { title: title.trim(), ...(description.trim() ? { description } : {}) },
      { onSuccess: onSubmitted },
    );
  };

  const submitOnModEnter = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  };

  const titleLength = title.trim().length;
  const showDescriptionCount = description.length > FEEDBACK_DESCRIPTION_MAX * 0.9;

  return (
    <form className="composer" onSubmit={onSubmit} onKeyDown={submitOnModEnter} noValidate>
      <div className="composer__fields">
        {submit.isError && (
          <div className="form-error form-error--block" role="alert">
            <p>{describeError(submit.error)}</p>
            {otherFieldErrors.length > 0 && (
              <ul>
                {otherFieldErrors.map((error) => (
                  <li key={`${error.field}:${error.message}`}>{error.message}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <TextField
          ref={titleRef}
          label="Title"
          placeholder="e.g. Export votes to CSV"
          required
          autoFocus
          value={title}
          error={titleError}
          aside={
            <span className={titleLength > FEEDBACK_TITLE_MAX ? 'counter--over' : undefined}>
              {titleLength}/{FEEDBACK_TITLE_MAX}
            </span>
          }
          onChange={(event) => {
            setTitle(event.target.value);
            clearServerErrors();
          }}
          onBlur={() =>
            setTouched((current) => ({ ...current, title: current.title || title.length > 0 }))
          }
        />
        <TextArea
          ref={descriptionRef}
          label="Description"
          placeholder="What problem does this solve? Who asked for it?"
          rows={7}
          value={description}
          error={descriptionError}
          hint="Markdown is supported."
          aside={
            showDescriptionCount
              ? `${description.length.toLocaleString()}/${FEEDBACK_DESCRIPTION_MAX.toLocaleString()}`
              : 'Optional'
          }
          onChange={(event) => {
            setDescription(event.target.value);
            clearServerErrors();
          }}
          onBlur={() => setTouched((current) => ({ ...current, description: true }))}
        />
      </div>
      <footer className="composer__footer">
        <span className="composer__shortcut" aria-hidden="true">
          <kbd>Ctrl</kbd> <kbd>Enter</kbd> to submit
        </span>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" loading={submit.isPending}>
          Submit feedback
        </Button>
      </footer>
    </form>
  );
};

type NewFeedbackDialogProps = NewFeedbackFormProps & { open: boolean };

export const NewFeedbackDialog = ({ open, onCancel, onSubmitted }: NewFeedbackDialogProps) => (
  <Dialog
    open={open}
    onClose={onCancel}
    title="New feedback"
    description="Capture a request on a customer's behalf. It starts as Open with no votes."
  >
    <NewFeedbackForm onCancel={onCancel} onSubmitted={onSubmitted} />
  </Dialog>
);
