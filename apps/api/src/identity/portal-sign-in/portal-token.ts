import { jwtVerify, errors } from 'jose';
import { z } from 'zod';
import { ExternalId } from '@chorus/domain';
import { CompanyBodySchema, CustomerBodySchema } from '../../customers/customers.schemas';

/** A host's token proves a sign-in now, not a standing credential: it lives an hour at most. */
const MAX_TOKEN_AGE = '1h';

/** What the host application says about its user, as its signed token carries it. */
const PortalClaims = z.object({
  id: ExternalId,
  email: CustomerBodySchema.shape.email.unwrap().unwrap(),
  name: CustomerBodySchema.shape.name,
  company: CompanyBodySchema.omit({ attributes: true })
    .extend({ id: ExternalId })
    .strict()
    .optional(),
});
export type PortalClaims = z.infer<typeof PortalClaims>;

/** Why a token was refused, in a sentence for the host application's developers. */
export class PortalTokenRefused extends Error {}

/** Checks the signature (HS256 only), the expiry and the age, then the claims' shapes. */
export const verifyPortalToken = async (token: string, secret: string): Promise<PortalClaims> => {
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ['HS256'],
      requiredClaims: ['iat', 'exp'],
      maxTokenAge: MAX_TOKEN_AGE,
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) {
      throw new PortalTokenRefused(
        'The sign-in token has expired; sign a fresh one for each sign-in.',
      );
    }
    if (error instanceof errors.JOSEError) {
      throw new PortalTokenRefused(
        `The sign-in token could not be verified with this workspace's portal secret (${error.code}).`,
      );
    }
    throw error;
  }
  const claims = PortalClaims.safeParse(payload);
  if (!claims.success) {
    const issue = claims.error.issues[0]!;
    throw new PortalTokenRefused(
      `The sign-in token's claim "${issue.path.join('.')}" is not right: ${issue.message}`,
    );
  }
  return claims.data;
};
