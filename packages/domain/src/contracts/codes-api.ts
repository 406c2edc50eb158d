// Shapes of the codes Chorus mails: a teammate's password reset, a customer's sign-in.

/** A mailed code is six digits and works for fifteen minutes, for five tries at most. */
export const ONE_TIME_CODE_DIGITS = 6;
export const ONE_TIME_CODE_MINUTES = 15;
export const ONE_TIME_CODE_TRIES = 5;

/**
 * What every request for a code answers (202), whether or not a mail went out: the answer never
 * says whether the address has an account.
 */
export type CodeRequested = { validMinutes: number };

/**
 * `POST /api/v1/auth/password-reset` (public). Without `workspace` (its slug), every workspace
 * where the address belongs to an active teammate gets its own mail, naming the workspace.
 */
export type RequestPasswordResetInput = { workspace?: string; email: string };

/**
 * `POST /api/v1/auth/password-reset/confirm` (public): sets the new password, ends every session
 * of the person, and signs in. Answers `Me` (201) and sets the session and CSRF cookies.
 */
export type ConfirmPasswordResetInput = {
  workspace?: string;
  email: string;
  code: string;
  newPassword: string;
};

/** `POST /api/v1/auth/customer-codes` (public): a code to sign in to a workspace's portal. */
export type RequestCustomerCodeInput = { workspace: string; email: string };

/**
 * `POST /api/v1/auth/customer-codes/confirm` (public): signs the customer of that address in,
 * creating the customer on first sign-in. Answers `Me` (201) and sets the session cookies.
 */
export type ConfirmCustomerCodeInput = { workspace: string; email: string; code: string };
