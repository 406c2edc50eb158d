import * as oidc from 'openid-client';
import type { SsoConnection } from './sso-connection';

/** Sign-ins in flight expire: a login page left open for long starts again. */
export const SSO_LOGIN_MINUTES = 10;

const discover = (connection: SsoConnection): Promise<oidc.Configuration> =>
  oidc.discovery(
    new URL(connection.issuer),
    connection.clientId,
    connection.clientSecret,
    undefined,
    // The domain allows plain http only for a provider on this machine (development, tests).
    connection.issuer.startsWith('http://') ? { execute: [oidc.allowInsecureRequests] } : undefined,
  );

/** Reads the provider's configuration, to tell an admin at once when the issuer is wrong. */
export const checkIssuer = async (connection: SsoConnection): Promise<void> => {
  await discover(connection);
};

export type PendingLogin = { state: string; codeVerifier: string; nonce: string };

/** Where to send the browser, with PKCE (S256), state and nonce for the way back. */
export const authorizationUrl = async (
  connection: SsoConnection,
  redirectUri: string,
): Promise<{ url: URL; pending: PendingLogin }> => {
  const config = await discover(connection);
  const pending = {
    state: oidc.randomState(),
    codeVerifier: oidc.randomPKCECodeVerifier(),
    nonce: oidc.randomNonce(),
  };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
  });
  return { url, pending };
};

/**
 * Exchanges the code and validates the ID token — signature, issuer, audience, expiry, nonce —
 * with openid-client. Any failure throws: nothing unchecked reaches Chorus.
 */
export const verifiedClaims = async (
  connection: SsoConnection,
  callbackUrl: URL,
  pending: PendingLogin,
): Promise<Record<string, unknown>> => {
  const config = await discover(connection);
  const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: pending.codeVerifier,
    expectedState: pending.state,
    expectedNonce: pending.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('The identity provider sent no ID token.');
  return claims;
};
