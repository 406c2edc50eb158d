import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { send, signedRequest } from './webhook-request';

const secret = `whsec_${Buffer.alloc(32, 1).toString('base64')}`;
const previous = `whsec_${Buffer.alloc(32, 2).toString('base64')}`;
const body = JSON.stringify({ specversion: '1.0', id: 'e1', data: { title: 'Dark mode' } });

describe('signedRequest', () => {
  it('carries the Standard Webhooks headers, which the reference verifier accepts', () => {
    const request = signedRequest({
      url: 'https://crm.example.com/hooks',
      contentType: 'application/cloudevents+json',
      messageId: 'e1',
      secrets: [secret],
      body,
      now: new Date(),
    });
    expect(request.headers).toMatchObject({
      'content-type': 'application/cloudevents+json',
      'webhook-id': 'e1',
    });
    expect(request.headers['webhook-timestamp']).toMatch(/^\d{10}$/);
    expect(request.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(new Webhook(secret).verify(body, request.headers)).toEqual(JSON.parse(body));
    expect(() =>
      new Webhook(secret).verify(body.replace('Dark', 'Light'), request.headers),
    ).toThrow('No matching signature found');
  });

  it('signs with both secrets during a rotation, and is too old after five minutes', () => {
    const sixMinutesAgo = new Date(Date.now() - 6 * 60_000);
    const request = signedRequest({
      url: 'https://crm.example.com/hooks',
      contentType: 'application/cloudevents+json',
      messageId: 'e1',
      secrets: [secret, previous],
      body,
      now: sixMinutesAgo,
    });
    expect(request.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(() => new Webhook(previous).verify(body, request.headers)).toThrow(
      'Message timestamp too old',
    );
    const fresh = signedRequest({
      ...request,
      contentType: 'x',
      messageId: 'e1',
      secrets: [secret, previous],
      now: new Date(),
    });
    expect(new Webhook(previous).verify(body, fresh.headers)).toEqual(JSON.parse(body));
  });
});

describe('send', () => {
  const onThisMachine = { allowPrivateNetworks: true };

  it('reports the status, the first kilobyte of the answer, and a refused connection', async () => {
    const server = createServer((_, response) => response.writeHead(502).end('x'.repeat(5000)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    try {
      const outcome = await send({ url, headers: {}, body: '{}' }, 5000, onThisMachine);
      expect(outcome).toMatchObject({ statusCode: 502, error: null });
      expect(outcome.responseExcerpt).toHaveLength(1024);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    const refused = await send({ url, headers: {}, body: '{}' }, 5000, onThisMachine);
    expect(refused).toMatchObject({
      statusCode: null,
      error: 'Connection refused (ECONNREFUSED).',
      responseExcerpt: null,
    });
  });

  it('gives up on a receiver that does not answer in time', async () => {
    const server = createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    try {
      const outcome = await send({ url, headers: {}, body: '{}' }, 200, onThisMachine);
      expect(outcome).toMatchObject({ statusCode: null, error: 'No answer within 0.2 s.' });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('sends nothing to loopback, private or link-local addresses unless they are allowed', async () => {
    let requests = 0;
    const server = createServer((_, response) => {
      requests += 1;
      response.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const publicOnly = { allowPrivateNetworks: false };
    try {
      for (const url of [
        `http://127.0.0.1:${port}/`,
        // A name is checked by the addresses it resolves to, which the socket then uses.
        `http://localhost:${port}/`,
        `http://[::1]:${port}/`,
        'http://169.254.169.254/latest/meta-data/',
        'http://10.0.0.8/hooks',
        'http://[::ffff:192.168.1.1]/hooks',
      ]) {
        const outcome = await send({ url, headers: {}, body: '{}' }, 5000, publicOnly);
        expect(outcome).toMatchObject({ statusCode: null, responseExcerpt: null });
        expect(outcome.error).toMatch(/is not a public address: Chorus does not send there\.$/);
      }
      expect(requests).toBe(0);
      const allowed = await send(
        { url: `http://localhost:${port}/`, headers: {}, body: '{}' },
        5000,
        onThisMachine,
      );
      expect(allowed).toMatchObject({ statusCode: 204, error: null });
      expect(requests).toBe(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
