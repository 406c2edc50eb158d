// A real OpenID Connect provider (oidc-provider) for the single sign-on tests, run as its own
// process because it ships ES modules only. It signs people in without a form: the test says
// who the next sign-in is (POST /__test/next). To prove Chorus refuses a bad ID token, it can
// also answer the token request with one signed by its own key but for another audience or
// already expired (POST /__test/tamper), as a misconfigured or malicious provider would.
import http from 'node:http';
import { generateKeyPair, exportJWK, SignJWT, decodeJwt, decodeProtectedHeader } from 'jose';
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT ?? 0);
const redirectUri = process.env.OIDC_REDIRECT_URI;
const clientId = process.env.OIDC_CLIENT_ID ?? 'chorus';
const clientSecret = process.env.OIDC_CLIENT_SECRET ?? 'chorus-secret';

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };

const accounts = new Map();
let next = null;
let tamper = 'none';

const server = http.createServer();
await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  jwks: { keys: [jwk] },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_, interaction) => `/interaction/${interaction.uid}` },
  findAccount: (_, sub) => {
    const claims = accounts.get(sub);
    return claims && { accountId: sub, claims: () => ({ sub, ...claims }) };
  },
  async loadExistingGrant(ctx) {
    // Consent is the organisation's, not the person's: every sign-in is granted what it asks.
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
});

const body = async (request) => {
  let text = '';
  for await (const chunk of request) text += chunk;
  return text ? JSON.parse(text) : {};
};

/** Re-signs the ID token of a token response, with the provider's own key, changed. */
const tampered = async (json) => {
  const response = JSON.parse(json);
  if (!response.id_token) return json;
  const claims = decodeJwt(response.id_token);
  const header = decodeProtectedHeader(response.id_token);
  const now = Math.floor(Date.now() / 1000);
  const changed =
    tamper === 'wrong-audience'
      ? { ...claims, aud: 'someone-else' }
      : { ...claims, iat: now - 7200, exp: now - 3600 };
  response.id_token = await new SignJWT(changed).setProtectedHeader(header).sign(privateKey);
  return JSON.stringify(response);
};

const callback = provider.callback();
server.on('request', async (request, response) => {
  const url = new URL(request.url, issuer);
  if (url.pathname === '/__test/next' && request.method === 'POST') {
    const { sub, ...claims } = await body(request);
    accounts.set(sub, claims);
    next = sub;
    response.end('{}');
    return;
  }
  if (url.pathname === '/__test/tamper' && request.method === 'POST') {
    tamper = (await body(request)).mode;
    response.end('{}');
    return;
  }
  if (url.pathname.startsWith('/interaction/')) {
    await provider.interactionFinished(request, response, { login: { accountId: next } });
    return;
  }
  if (url.pathname === '/token' && tamper !== 'none') {
    const end = response.end.bind(response);
    response.end = (chunk, ...rest) => {
      tampered(String(chunk)).then(
        (changed) => {
          response.setHeader('content-length', Buffer.byteLength(changed));
          end(changed, ...rest);
        },
        () => end(chunk, ...rest),
      );
      return response;
    };
  }
  callback(request, response);
});

console.log(`oidc-provider ready ${issuer}`);
