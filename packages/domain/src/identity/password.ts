import { z } from 'zod';
import { passwordProblem } from './password-rule';

/** A password people choose; only its hash is kept. */
export const NewPassword = z
  .string({ error: 'Choose a password.' })
  .superRefine((password, ctx) => {
    const problem = passwordProblem(password);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  });
