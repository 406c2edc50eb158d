import { useId } from 'react';

/** How a host application signs its user in to the portal, with this workspace's details. */
const sampleOf = (
  origin: string,
  workspace: string,
) => `// On your server, for the user signed in to your application (npm install jose):
import { SignJWT } from 'jose';

const secret = new TextEncoder().encode(process.env.CHORUS_PORTAL_SECRET);
const token = await new SignJWT({
  id: user.id, // your id for them: the same person every time
  email: user.email,
  name: user.name,
  company: { id: account.id, name: account.name }, // optional
})
  .setProtectedHeader({ alg: 'HS256' })
  .setIssuedAt()
  .setExpirationTime('5m')
  .sign(secret);

// In their browser: Chorus answers with their portal session's cookies.
await fetch('${origin}/api/v1/auth/portal-token', {
  method: 'POST',
  credentials: 'include',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ workspace: '${workspace}', token }),
});`;

export const HostCodeSample = ({ workspace }: { workspace: string }) => {
  const titleId = useId();
  return (
    <section className="portal-sample" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        Sign your users in from your application
      </h2>
      <p className="detail__muted">
        Your server signs who the user is with the secret (HS256, valid for at most an hour; a few
        minutes is plenty), and their browser hands the token to Chorus. They vote and comment as
        themselves, with their company, without a second account. Claims: <code>id</code> and{' '}
        <code>email</code>, optionally <code>name</code> and <code>company</code> (<code>id</code>,{' '}
        <code>name</code>, <code>mrrCents</code>, <code>plan</code>, <code>segment</code>).
      </p>
      <pre className="portal-sample__code" tabIndex={0} aria-label="Code sample for Node.js">
        <code>{sampleOf(window.location.origin, workspace)}</code>
      </pre>
      <p className="detail__muted">
        When your pages are served from another origin, the Chorus administrator lists it in{' '}
        <code>CORS_ORIGINS</code> so that the browser may send the token.
      </p>
    </section>
  );
};
