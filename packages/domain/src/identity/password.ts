import { z } from 'zod';

/** A password people choose: long rather than clever (NIST SP 800-63B); only its hash is kept. */
export const NewPassword = z
  .string({ error: 'Choose a password.' })
  .min(12, 'Use at least 12 characters; a few words make a good password.')
  .max(256, 'A password must be at most 256 characters.');
