import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from '@chorus/domain/client';
import { TextField } from '@chorus/ui';

export type NewPassword = { password: string; repeated: string };

/** Whether a new password may be sent: it keeps the rule and was typed the same twice. */
export const newPasswordReady = ({ password, repeated }: NewPassword): boolean =>
  passwordProblem(password) === undefined && repeated === password;

/**
 * Choosing a password, typed twice: the rule (from the domain, as the API checks it) shown as the
 * hint and checked once the form was submitted; `serverError` is the API's word on it.
 */
export const NewPasswordFields = ({
  value,
  onChange,
  submitted,
  serverError,
  label = 'Password',
  autoFocus = false,
}: {
  value: NewPassword;
  onChange: (value: NewPassword) => void;
  submitted: boolean;
  serverError?: string;
  label?: string;
  autoFocus?: boolean;
}) => {
  const problem = submitted ? passwordProblem(value.password) : undefined;
  return (
    <>
      <TextField
        label={label}
        type="password"
        autoComplete="new-password"
        autoFocus={autoFocus}
        required
        maxLength={PASSWORD_MAX_LENGTH}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong password that is easy to remember.`}
        value={value.password}
        error={problem ?? serverError}
        onChange={(event) => onChange({ ...value, password: event.target.value })}
      />
      <TextField
        label={`Repeat the ${label.toLowerCase()}`}
        type="password"
        autoComplete="new-password"
        required
        maxLength={PASSWORD_MAX_LENGTH}
        value={value.repeated}
        error={
          submitted && problem === undefined && value.repeated !== value.password
            ? 'The two passwords are not the same.'
            : undefined
        }
        onChange={(event) => onChange({ ...value, repeated: event.target.value })}
      />
    </>
  );
};
