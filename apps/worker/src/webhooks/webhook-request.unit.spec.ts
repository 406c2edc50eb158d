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
  it('reports the status, the first kilobyte of the answer, and a refused connection', async () => {
    const server = createServer((_, response) => response.writeHead(502).end('x'.repeat(5000)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    try {
      const outcome = await send({ url, headers: {}, body: '{}' }, 5000);
      expect(outcome).toMatchObject({ statusCode: 502, error: null });
      expect(outcome.responseExcerpt).toHaveLength(1024);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    const refused = await send({ url, headers: {}, body: '{}' }, 5000);
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
      const outcome = await send({ url, headers: {}, body: '{}' }, 200);
      expect(outcome).toMatchObject({ statusCode: null, error: 'No answer within 0.2 s.' });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
