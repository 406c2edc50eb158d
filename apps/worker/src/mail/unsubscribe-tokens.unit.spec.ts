import { randomBytes } from 'node:crypto';
import { UnsubscribeTokens } from './unsubscribe-tokens';

describe('unsubscribe tokens', () => {
  const tokens = new UnsubscribeTokens(randomBytes(32));
  const scope = {
    workspaceId: '3f1c2a9e-7b4d-4c1a-9e2f-5a6b7c8d9e0f',
    personId: 'a7d3f1e2-9c4b-4e8a-b6d5-1f2e3d4c5b6a',
    category: 'shipped' as const,
  };

  it('name the person and the category they were signed for, the same in every mail', () => {
    const token = tokens.sign(scope);
    expect(tokens.verify(token)).toEqual(scope);
    expect(tokens.sign(scope)).toBe(token);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it('refuse a token changed, made up, or signed with another secret', () => {
    const token = tokens.sign(scope);
    const [payload, signature] = token.split('.') as [string, string];
    const otherCategory = Buffer.from(
      Buffer.from(payload, 'base64url').toString().replace('shipped', 'comments'),
    ).toString('base64url');
    expect(tokens.verify(`${otherCategory}.${signature}`)).toBeNull();
    expect(tokens.verify(`${payload}.${signature.slice(1)}`)).toBeNull();
    expect(tokens.verify(`${payload}.${signature}.x`)).toBeNull();
    expect(tokens.verify('')).toBeNull();
    expect(tokens.verify('not a token')).toBeNull();
    expect(new UnsubscribeTokens(randomBytes(32)).verify(token)).toBeNull();
  });
});
