import { ProblemError, describeError } from '../api/problem-error';

/**
 * A failed action's message, unless a field already shows it (`shownBy` names those fields).
 * `inline` for a message beside a button rather than under a form.
 */
export const FormError = ({
  error,
  shownBy = [],
  inline = false,
}: {
  error: unknown;
  shownBy?: readonly string[];
  inline?: boolean;
}) => {
  if (!error) return null;
  if (error instanceof ProblemError && shownBy.some((field) => error.fieldMessage(field))) {
    return null;
  }
  const Tag = inline ? 'span' : 'p';
  return (
    <Tag className="form-error" role="alert">
      {describeError(error)}
    </Tag>
  );
};
