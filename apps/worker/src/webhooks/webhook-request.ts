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

/** The first kilobyte of a response, without reading the rest. */
const excerptOf = async (response: Response): Promise<string | null> => {
  if (!response.body) return null;
  const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < RESPONSE_EXCERPT_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  await reader.cancel();
  const bytes = Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES);
  // A multi-byte character cut at the limit becomes U+FFFD rather than failing.
  return bytes.length === 0 ? null : new TextDecoder().decode(bytes);
};

/** Why a request got no answer, in words for the delivery log. */
const failureOf = (error: unknown, timeoutMs: number): string => {
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return `No answer within ${timeoutMs / 1000} s.`;
  }
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  switch (cause?.code) {
    case 'ECONNREFUSED':
      return 'Connection refused (ECONNREFUSED).';
    case 'ENOTFOUND':
      return 'The host name does not resolve (ENOTFOUND).';
    case 'ECONNRESET':
      return 'The connection was reset (ECONNRESET).';
    default:
      return typeof cause?.message === 'string' ? cause.message : String(error);
  }
};

/** POSTs a request and reports what came back. Redirects are failures: the URL should be updated. */
export const send = async (
  request: OutgoingRequest,
  timeoutMs: number,
): Promise<AttemptOutcome> => {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const responseExcerpt = await excerptOf(response);
    return {
      statusCode: response.status,
      error: null,
      responseExcerpt,
      retryAfter: response.headers.get('retry-after'),
      durationMs: elapsed(),
    };
  } catch (error) {
    return {
      statusCode: null,
      error: failureOf(error, timeoutMs),
      responseExcerpt: null,
      retryAfter: null,
      durationMs: elapsed(),
    };
  }
};
