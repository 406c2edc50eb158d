import type { StaffRoleName } from '../shared/roles';

// Shapes of single sign-on (OIDC), shared by the API and the web app.

/** `PUT /api/v1/sso` (admins). The secret is needed the first time, kept when left out later. */
export type SingleSignOnInput = {
  enabled: boolean;
  issuer: string;
  clientId: string;
  clientSecret?: string;
  /** The ID token claim whose values map to roles, e.g. `groups`. */
  roleClaim: string | null;
  /** A claim value → the role it gives; the first value that maps wins, in the map's order. */
  roleMap: Record<string, StaffRoleName>;
  /** The role of anyone whose claim maps to none; null lets nobody else in. */
  defaultRole: StaffRoleName | null;
};

/** `GET /api/v1/sso`: never the secret. */
export type SingleSignOnView = Omit<SingleSignOnInput, 'clientSecret'> & {
  configured: boolean;
  hasSecret: boolean;
  /** What to register at the identity provider as Chorus's redirect URI. */
  redirectUri: string;
};

/** `GET /api/v1/public/:workspaceSlug/sso`: what the sign-in screen offers. */
export type PublicSingleSignOn = { enabled: boolean; startUrl: string | null };
