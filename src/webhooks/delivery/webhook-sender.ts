import type { LookupAddress, LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import { Agent, request as undiciRequest } from 'undici';
import type { AddressPolicy } from './address-policy';
import { defaultLookupAll, type LookupAll, parseEndpointUrl } from './endpoint-url';
import { errorChain, errorCodeOf } from './error-chain';
import { RefusedAddressError } from './refused-address.error';
import { parseRetryAfter } from './retry-after';

export interface WebhookSenderOptions {
  policy: AddressPolicy;
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  maxResponseBytes: number;
  maxRetryAfterMs: number;
  lookup?: LookupAll;
}

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export type SendErrorKind = 'ssrf' | 'timeout' | 'connect' | 'network';

export interface SendResult {
  statusCode: number | null;
  latencyMs: number;
  responseBody: string;
  retryAfterMs: number | null;
  error: string | null;
  errorKind: SendErrorKind | null;
}

const USER_AGENT = 'Positions-Webhooks/1';

const programmerErrorCodes = new Set(['UND_ERR_INVALID_ARG', 'UND_ERR_DESTROYED', 'UND_ERR_CLOSED']);
const timeoutCodes = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const connectCodes = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'EADDRNOTAVAIL',
]);

const requestedFamily = (family: LookupOptions['family']): 4 | 6 | null => {
  if (family === 4 || family === 'IPv4') return 4;
  if (family === 6 || family === 'IPv6') return 6;
  return null;
};

const notFound = (hostname: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });

const readCapped = async (body: Readable, maxBytes: number): Promise<string> => {
  const chunks: Buffer[] = [];
  let size = 0;
  if (maxBytes > 0) {
    for await (const chunk of body) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      const kept = bytes.subarray(0, maxBytes - size);
      chunks.push(kept);
      size += kept.length;
      if (size >= maxBytes) break;
    }
  }
  // Stop the transfer instead of draining a body we will never look at.
  if (!body.readableEnded) body.destroy();
  return Buffer.concat(chunks).toString('utf8');
};

const describe = (error: unknown): string => {
  const messages: string[] = [];
  for (const link of errorChain(error)) {
    const message = link instanceof Error ? link.message : String(link);
    if (message !== '' && !messages.includes(message)) messages.push(message);
  }
  return messages.join(': ') || 'unknown delivery error';
};

export class WebhookSender {
  private readonly policy: AddressPolicy;
  private readonly lookupAll: LookupAll;
  private readonly agent: Agent;

  constructor(private readonly options: WebhookSenderOptions) {
    for (const key of [
      'connectTimeoutMs',
      'totalTimeoutMs',
      'maxResponseBytes',
      'maxRetryAfterMs',
    ] as const) {
      if (!Number.isFinite(options[key]) || options[key] < 0) {
        throw new Error(`WebhookSender: ${key} must be a non-negative number, got ${options[key]}`);
      }
    }
    this.policy = options.policy;
    this.lookupAll = options.lookup ?? defaultLookupAll;
    this.agent = new Agent({
      connect: { timeout: options.connectTimeoutMs, lookup: this.guardedLookup },
      headersTimeout: options.totalTimeoutMs,
      bodyTimeout: options.totalTimeoutMs,
      maxRedirections: 0,
    });
  }

  async send(request: WebhookRequest): Promise<SendResult> {
    const started = performance.now();
    const failure = (
      errorKind: SendErrorKind,
      error: string,
      statusCode: number | null = null,
    ): SendResult => ({
      statusCode,
      latencyMs: performance.now() - started,
      responseBody: '',
      retryAfterMs: null,
      error,
      errorKind,
    });

    const parsed = parseEndpointUrl(request.url);
    if (!parsed.ok) return failure('ssrf', parsed.reason);
    if (parsed.literalAddress !== null) {
      // Node never calls the lookup hook for IP literals, so they are checked here.
      const verdict = this.policy.check(parsed.literalAddress);
      if (!verdict.allowed) return failure('ssrf', verdict.reason);
    }

    const signal = AbortSignal.timeout(this.options.totalTimeoutMs);
    let statusCode: number | null = null;
    try {
      const response = await undiciRequest(parsed.url, {
        dispatcher: this.agent,
        method: 'POST',
        headers: this.headersFor(request.headers),
        body: request.body,
        signal,
        maxRedirections: 0,
        headersTimeout: this.options.totalTimeoutMs,
        bodyTimeout: this.options.totalTimeoutMs,
      });
      statusCode = response.statusCode;
      const retryAfterMs = parseRetryAfter(
        response.headers['retry-after'],
        Date.now(),
        this.options.maxRetryAfterMs,
      );
      const responseBody = await readCapped(response.body, this.options.maxResponseBytes);
      return {
        statusCode,
        latencyMs: performance.now() - started,
        responseBody,
        retryAfterMs,
        error: null,
        errorKind: null,
      };
    } catch (error) {
      const chain = errorChain(error);
      const codes = chain.map(errorCodeOf);
      if (codes.some((code) => code !== undefined && programmerErrorCodes.has(code))) throw error;
      const refused = chain.find((link): link is RefusedAddressError => link instanceof RefusedAddressError);
      if (refused) return failure('ssrf', refused.message, statusCode);
      if (signal.aborted || codes.some((code) => code !== undefined && timeoutCodes.has(code))) {
        return failure(
          'timeout',
          `no complete response within ${this.options.totalTimeoutMs} ms`,
          statusCode,
        );
      }
      const connectFailed = codes.some(
        (code) => code !== undefined && (connectCodes.has(code) || /CERT|TLS|SSL/.test(code)),
      );
      return failure(connectFailed ? 'connect' : 'network', describe(error), statusCode);
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  private headersFor(given: Record<string, string>): Record<string, string> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    for (const [name, value] of Object.entries(given)) headers[name.toLowerCase()] = value;
    headers['user-agent'] = USER_AGENT;
    return headers;
  }

  private readonly guardedLookup: LookupFunction = (hostname, options, callback) => {
    this.resolveForConnect(hostname, requestedFamily(options.family)).then(
      (addresses) => {
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0].address, addresses[0].family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };

  // The address actually dialled is checked here, so a name that re-resolves after registration cannot slip through.
  private async resolveForConnect(hostname: string, family: 4 | 6 | null): Promise<LookupAddress[]> {
    const resolved = await this.lookupAll(hostname);
    for (const { address } of resolved) {
      const verdict = this.policy.check(address);
      if (!verdict.allowed) {
        throw new RefusedAddressError(
          `host ${hostname} resolved to a refused address at connect time: ${verdict.reason}`,
        );
      }
    }
    const usable = resolved
      .filter((entry) => family === null || entry.family === family)
      .map(({ address, family: entryFamily }) => ({ address, family: entryFamily }));
    if (usable.length === 0) throw notFound(hostname);
    return usable;
  }
}
