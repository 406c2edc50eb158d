import { inspect } from 'node:util';
import { describeBytes, redactSecrets } from './hardening';

describe('redactSecrets', () => {
  it('scrubs passwords in URLs, bearer tokens and secret pairs out of text', () => {
    expect(
      redactSecrets(
        'connect postgres://chorus:s3cret@db:5432/chorus with Authorization: Bearer abc.def and ?token=xyz&page=2',
      ),
    ).toBe(
      'connect postgres://chorus:[redacted]@db:5432/chorus with Authorization: Bearer [redacted] and ?token=[redacted]&page=2',
    );
  });

  it('censors values under secret keys at any depth, keeping the rest', () => {
    expect(
      redactSecrets({
        method: 'GET',
        headers: { authorization: 'Bearer abc', cookie: 'sid=1', accept: '*/*' },
        config: { databaseUrl: 'postgres://u:pw@h/db', password: 'hunter2', tokenSha256: 'x' },
      }),
    ).toEqual({
      method: 'GET',
      headers: { authorization: '[redacted]', cookie: '[redacted]', accept: '*/*' },
      config: {
        databaseUrl: 'postgres://u:[redacted]@h/db',
        password: '[redacted]',
        tokenSha256: '[redacted]',
      },
    });
  });

  it('keeps an error printable as one, without its SQL parameters or secrets in its cause', () => {
    class QueryFailed extends Error {
      constructor(
        readonly query: string,
        readonly parameters: unknown[],
      ) {
        super('relation "users" does not exist', {
          cause: new Error('via postgres://chorus:s3cret@db/chorus'),
        });
        this.name = 'QueryFailed';
      }
    }
    const printed = inspect(
      redactSecrets(new QueryFailed('SELECT 1 WHERE token_sha256 = $1', [Buffer.from('hash')])),
    );
    expect(printed).toMatch(/^QueryFailed: relation "users" does not exist\n\s+at /);
    expect(printed).toContain("parameters: '[redacted]'");
    expect(printed).toContain('postgres://chorus:[redacted]@db/chorus');
    expect(printed).not.toContain('s3cret');
    expect(printed).not.toContain('<Buffer');
  });

  it('survives cycles', () => {
    const node: Record<string, unknown> = { name: 'loop' };
    node.self = node;
    expect(redactSecrets(node)).toEqual({ name: 'loop', self: '[Circular]' });
  });
});

describe('describeBytes', () => {
  it('names a limit the way a person would', () => {
    expect(describeBytes(1024 * 1024)).toBe('1 MB');
    expect(describeBytes(2048)).toBe('2 KB');
    expect(describeBytes(1500)).toBe('1500 bytes');
  });
});
