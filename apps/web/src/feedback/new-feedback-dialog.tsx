import {
  DEFAULT_BOARD_ID,
  FEEDBACK_DESCRIPTION_MAX,
  FEEDBACK_TITLE_MAX,
  type FeedbackSourceName,
} from '@chorus/domain/client';
import { Button, Checkbox, Dialog, Select, TextArea, TextField } from '@chorus/ui';
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { describeError, ProblemError } from '../api/problem-error';
import type { FeedbackItem } from '../api/types';
import { FeedbackStatusBadge } from '../catalog/catalog-ui';
import { type PickerOption } from '../components/async-picker';
import { plural } from '../lib/format';
import { useDebounced } from '../lib/use-debounced';
import { useCatalogOrDefault } from '../queries/catalog';
import { useSubmitFeedback } from '../queries/feedback-mutations';
import { useSimilarFeedback } from '../queries/feedback-queries';
import { CaptureFields } from '../components/capture-fields';
import { validateDescription, validateTitle } from './validation';

type NewFeedbackFormProps = {
  onCancel: () => void;
  onSubmitted: (item: FeedbackItem) => void;
  /** Opens an existing item the person recognised among the suggestions. */
  onOpenExisting: (id: string) => void;
};

const KNOWN_FIELDS = [
  'title',
  'description',
  'boardId',
  'categoryId',
  'customerId',
  'source',
  'quote',
];

const SimilarSuggestions = ({ title, onOpen }: { title: string; onOpen: (id: string) => void }) => {
  const similar = useSimilarFeedback(useDebounced(title.trim(), 350));
  const suggestions = similar.data?.suggestions ?? [];
  if (title.trim().length < 4 || suggestions.length === 0) return null;
  return (
    <section className="similar" aria-live="polite" aria-label="Similar feedback">
      <p className="similar__title">Already asked? Similar feedback:</p>
      <ul className="similar__list">
        {suggestions.slice(0, 5).map((suggestion) => (
          <li key={suggestion.id}>
            <button type="button" className="similar__item" onClick={() => onOpen(suggestion.id)}>
              <span className="similar__name">{suggestion.title}</span>
              <span className="similar__meta">
                <FeedbackStatusBadge status={suggestion.status} />
                {plural(suggestion.voteCount, 'vote')}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
};

const NewFeedbackForm = ({ onCancel, onSubmitted, onOpenExisting }: NewFeedbackFormProps) => {
  const submit = useSubmitFeedback();
  const catalog = useCatalogOrDefault();
  const [boardId, setBoardId] = useState(DEFAULT_BOARD_ID);
  const [categoryId, setCategoryId] = useState('');
  const categories = catalog.boards.find((board) => board.id === boardId)?.categories ?? [];
  const [onBehalf, setOnBehalf] = useState(false);
  const [customer, setCustomer] = useState<PickerOption | null>(null);
  const [source, setSource] = useState<FeedbackSourceName>('sales_call');
  const [quote, setQuote] = useState('');
  const [customerMissing, setCustomerMissing] = useState(false);
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
    if (onBehalf && !customer) {
      setCustomerMissing(true);
      return;
    }
    submit.mutate(
      {
        title: title.trim(),
        boardId,
        ...(categoryId ? { categoryId } : {}),
        ...(description.trim() ? { description } : {}),
        ...(onBehalf && customer
          ? {
              onBehalfOf: {
                customerId: customer.id,
                source,
                ...(quote.trim() ? { quote: quote.trim() } : {}),
              },
            }
          : {}),
      },
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
        <SimilarSuggestions title={title} onOpen={onOpenExisting} />
        <Select
          label="Board"
          value={boardId}
          error={problem?.fieldMessage('boardId')}
          options={catalog.boards.map((board) => ({
            value: board.id,
            label: `${board.name}${board.visibility === 'private' ? ' (private)' : ''}`,
          }))}
          onChange={(event) => {
            setBoardId(event.target.value);
            // Categories belong to one board.
            setCategoryId('');
            clearServerErrors();
          }}
        />
        {categories.length > 0 && (
          <Select
            label="Category"
            aside="Optional"
            value={categoryId}
            error={problem?.fieldMessage('categoryId')}
            options={[
              { value: '', label: 'None' },
              ...categories.map((category) => ({ value: category.id, label: category.name })),
            ]}
            onChange={(event) => {
              setCategoryId(event.target.value);
              clearServerErrors();
            }}
          />
        )}
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
        <Checkbox
          label="On behalf of a customer"
          hint="Record who asked and where; their vote is added with it."
          checked={onBehalf}
          onChange={(event) => setOnBehalf(event.target.checked)}
        />
        {onBehalf && (
          <fieldset className="composer__group">
            <legend className="ui-visually-hidden">Customer</legend>
            <CaptureFields
              customer={customer}
              onCustomerChange={(next) => {
                setCustomer(next);
                setCustomerMissing(false);
              }}
              customerError={
                customerMissing && !customer
                  ? 'Choose the customer who asked for it.'
                  : problem?.fieldMessage('customerId')
              }
              source={source}
              onSourceChange={setSource}
              quote={quote}
              onQuoteChange={setQuote}
              quoteError={problem?.fieldMessage('quote')}
            />
          </fieldset>
        )}
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

export const NewFeedbackDialog = ({
  open,
  onCancel,
  onSubmitted,
  onOpenExisting,
}: NewFeedbackDialogProps) => (
  <Dialog
    open={open}
    onClose={onCancel}
    title="New feedback"
    description="Capture an idea or a request, yours or a customer's."
  >
    <NewFeedbackForm
      onCancel={onCancel}
      onSubmitted={onSubmitted}
      onOpenExisting={onOpenExisting}
    />
  </Dialog>
);
