import type { NotificationCategory, NotificationPreferencesView } from '@chorus/domain/client';
import { Button, Card, ErrorState, Skeleton } from '@chorus/ui';
import { useId, useState, type FormEvent } from 'react';
import { describeError, ProblemError } from '../../api/problem-error';
import { useCan } from '../../auth/use-can';
import { FormError } from '../../lib/form-error';
import { categoryDetails } from './notification-categories';
import {
  useNotificationPreferences,
  useSaveNotificationPreferences,
} from '../../queries/notification-settings';

type Choices = Record<NotificationCategory, boolean>;

/** The categories whose choice differs from what is saved: only those are sent. */
const changesOf = (
  choices: Choices,
  saved: Choices,
  shown: readonly NotificationCategory[],
): Partial<Choices> =>
  Object.fromEntries(
    shown
      .filter((category) => choices[category] !== saved[category])
      .map((category) => [category, choices[category]]),
  );

/** The API names a refused category `categories.<name>`. */
const categoryError = (error: unknown, category: NotificationCategory): string | undefined =>
  error instanceof ProblemError ? error.fieldMessage(`categories.${category}`) : undefined;

const CategorySwitch = ({
  category,
  checked,
  disabled,
  error,
  onChange,
}: {
  category: NotificationCategory;
  checked: boolean;
  disabled: boolean;
  error: string | undefined;
  onChange: (on: boolean) => void;
}) => {
  const id = useId();
  const { label, sends } = categoryDetails[category];
  return (
    <li className="notification-pref" data-testid="notification-pref" data-category={category}>
      <div className="notification-pref__text">
        <label className="notification-pref__label" htmlFor={id}>
          {label}
        </label>
        <p id={`${id}-sends`} className="notification-pref__sends">
          {sends}
        </p>
        {error && (
          <p id={`${id}-error`} className="ui-field__error">
            {error}
          </p>
        )}
      </div>
      <input
        id={id}
        className="switch"
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-sends ${id}-error` : `${id}-sends`}
        onChange={(event) => onChange(event.target.checked)}
      />
    </li>
  );
};

const PreferencesForm = ({ view }: { view: NotificationPreferencesView }) => {
  const save = useSaveNotificationPreferences();
  const mayChange = useCan()('profile.update');
  const [choices, setChoices] = useState<Choices>(() => view.categories);
  const changes = changesOf(choices, view.categories, view.applicable);
  const changed = Object.keys(changes).length > 0;
  const shownBy = view.applicable.map((category) => `categories.${category}`);

  const choose = (category: NotificationCategory, on: boolean) => {
    if (save.isError || save.isSuccess) save.reset();
    setChoices((current) => ({ ...current, [category]: on }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!changed) return;
    save.mutate({ categories: changes }, { onSuccess: (saved) => setChoices(saved.categories) });
  };

  return (
    <form className="notification-prefs" aria-label="Email notifications" onSubmit={onSubmit}>
      <ul className="notification-prefs__list">
        {view.applicable.map((category) => (
          <CategorySwitch
            key={category}
            category={category}
            checked={choices[category]}
            disabled={!mayChange || save.isPending}
            error={categoryError(save.error, category)}
            onChange={(on) => choose(category, on)}
          />
        ))}
      </ul>
      <FormError error={save.error} shownBy={shownBy} />
      <div className="notification-prefs__actions">
        <p className="notification-prefs__state" role="status">
          {save.isSuccess
            ? 'Saved. Emails follow your new choices from now on.'
            : changed
              ? 'You have unsaved changes.'
              : ''}
        </p>
        {mayChange && (
          <Button type="submit" variant="primary" loading={save.isPending} disabled={!changed}>
            Save preferences
          </Button>
        )}
      </div>
    </form>
  );
};

/** Which emails the signed-in person receives: one switch per category. */
export const NotificationSettings = () => {
  const preferences = useNotificationPreferences();
  return (
    <div className="settings">
      <p className="detail__muted notification-prefs__intro">
        Choose which emails Chorus sends you. They go to the address of your account, and each one
        has a link to stop that kind of email. The bell in the top bar shows everything either way.
      </p>
      <Card>
        {preferences.isPending ? (
          <div className="table-skeleton" aria-hidden="true">
            {Array.from({ length: 5 }, (_, index) => (
              <Skeleton key={index} height="2.5rem" />
            ))}
          </div>
        ) : preferences.isLoadingError ? (
          <ErrorState
            title="Couldn't load your notification settings"
            detail={describeError(preferences.error)}
            onRetry={() => void preferences.refetch()}
            retrying={preferences.isFetching}
          />
        ) : (
          <PreferencesForm view={preferences.data} />
        )}
      </Card>
    </div>
  );
};
