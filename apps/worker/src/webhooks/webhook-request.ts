import { lookup as dnsLookup } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { Webhook } from 'standardwebhooks';

/** A request as sent, and as the delivery log shows it. */
export type OutgoingRequest = { url: string; headers: Record<string, string>; body: string };

/** What the receiver answered, or why nothing came. */
export type AttemptOutcome = {
  statusCode: number | null;
  error: string | null;
  responseExcerpt: string | null;
  retryAfter: string | null;
  durationMs: number;
};

export const RESPONSE_EXCERPT_BYTES = 1024;
export const USER_AGENT = 'Chorus-Webhooks/1.0';

/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com): HMAC-SHA256 over
 * `<webhook-id>.<webhook-timestamp>.<body>` with each secret, space-separated: during a rotation
 * the previous secret signs too, so the receiver can switch secrets without missing a delivery.
 */
export const signatureOf = (
  secrets: readonly string[],
  messageId: string,
  timestamp: Date,
  body: string,
): string =>
  secrets.map((secret) => new Webhook(secret).sign(messageId, timestamp, body)).join(' ');

/** A POST with the Standard Webhooks headers; `messageId` stays the same on every attempt. */
export const signedRequest = (options: {
  url: string;
  contentType: string;
  messageId: string;
  secrets: readonly string[];
  body: string;
  now: Date;
}): OutgoingRequest => ({
  url: options.url,
  headers: {
    'content-type': options.contentType,
    'user-agent': USER_AGENT,
    'webhook-id': options.messageId,
    'webhook-timestamp': String(Math.floor(options.now.getTime() / 1000)),
    'webhook-signature': signatureOf(options.secrets, options.messageId, options.now, options.body),
  },
  body: options.body,
});

/**
 * Where a request may go. By default only public unicast addresses: a subscription pointing into
 * the worker's own network (loopback, private ranges, link-local cloud metadata…) would let
 * whoever manages webhooks reach internal services and read their answers in the delivery log.
 */
export type AddressPolicy = { allowPrivateNetworks: boolean };

const isPublicAddress = (address: string): boolean =>
  ipaddr.isValid(address) && ipaddr.process(address).range() === 'unicast';

const refusal = (address: string) =>
  Object.assign(new Error(`${address} is not a public address: Chorus does not send there.`), {
    code: 'EADDRNOTPUBLIC',
  });

/**
 * Resolves as `dns.lookup` does and refuses any answer that is not public. Checking the
 * addresses the socket will connect to, rather than the URL's name beforehand, leaves no gap
 * for a name that resolves differently the second time.
 */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '');
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (refused) return callback(refusal(refused.address), '');
    if (options.all) return callback(null, addresses);
    const first = addresses[0];
    if (!first) return callback(Object.assign(new Error(hostname), { code: 'ENOTFOUND' }), '');
    callback(null, first.address, first.family);
  });
};

/** The first kilobyte of a response; the rest is never read. */
const excerptOf = (response: IncomingMessage): Promise<string | null> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      response.destroy();
      const bytes = Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES);
      // A multi-byte character cut at the limit becomes U+FFFD rather than failing.
      resolve(bytes.length === 0 ? null : new TextDecoder().decode(bytes));
    };
    response.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= RESPONSE_EXCERPT_BYTES) done();
    });
    response.on('end', done);
    response.on('error', reject);
  });

/** Why a request got no answer, in words for the delivery log. */
const failureOf = (error: unknown, timedOut: boolean, timeoutMs: number): string => {
  if (timedOut) return `No answer within ${timeoutMs / 1000} s.`;
  const { code, message } = error as { code?: unknown; message?: unknown };
  switch (code) {
    case 'ECONNREFUSED':
      return 'Connection refused (ECONNREFUSED).';
    case 'ENOTFOUND':
      return 'The host name does not resolve (ENOTFOUND).';
    case 'ECONNRESET':
      return 'The connection was reset (ECONNRESET).';
    default:
      return typeof message === 'string' ? message : String(error);
  }
};

const post = (
  request: OutgoingRequest,
  signal: AbortSignal,
  policy: AddressPolicy,
): Promise<{ response: IncomingMessage; excerpt: string | null }> =>
  new Promise((resolve, reject) => {
    const url = new URL(request.url);
    // A literal address is connected to without a lookup: check it here.
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    if (!policy.allowPrivateNetworks && ipaddr.isValid(literal) && !isPublicAddress(literal)) {
      reject(refusal(literal));
      return;
    }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const outgoing = send(url, {
      method: 'POST',
      headers: { ...request.headers, 'content-length': Buffer.byteLength(request.body) },
      signal,
      ...(policy.allowPrivateNetworks ? {} : { lookup: publicOnlyLookup }),
    });
    outgoing.on('response', (response) => {
      excerptOf(response).then((excerpt) => resolve({ response, excerpt }), reject);
    });
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });

/** POSTs a request and reports what came back. Redirects are failures: the URL should be updated. */
export const send = async (
  request: OutgoingRequest,
  timeoutMs: number,
  policy: AddressPolicy,
): Promise<AttemptOutcome> => {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const { response, excerpt } = await post(request, signal, policy);
    const retryAfter = response.headers['retry-after'];
    return {
      statusCode: response.statusCode ?? null,
      error: null,
      responseExcerpt: excerpt,
      retryAfter: retryAfter ?? null,
      durationMs: elapsed(),
    };
  } catch (error) {
    return {
      statusCode: null,
      error: failureOf(error, signal.aborted, timeoutMs),
      responseExcerpt: null,
      retryAfter: null,
      durationMs: elapsed(),
    };
  }
};
