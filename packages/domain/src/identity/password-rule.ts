// The rule for choosing a password: long rather than clever (NIST SP 800-63B). Free of zod, so
// the web app checks as it is typed what the API's `NewPassword` checks again.

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** What is wrong with a new password, if anything. */
export const passwordProblem = (password: string): string | undefined =>
  password.length === 0
    ? 'Choose a password.'
    : password.length < PASSWORD_MIN_LENGTH
      ? `Use at least ${PASSWORD_MIN_LENGTH} characters; a few words make a good password.`
      : password.length > PASSWORD_MAX_LENGTH
        ? `A password must be at most ${PASSWORD_MAX_LENGTH} characters.`
        : undefined;
