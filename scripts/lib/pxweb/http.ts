/**
 * HTTP for the live acquire: every request is throttled, has a timeout, and is retried with
 * exponential backoff when the failure is worth retrying (HTTP 429, 5xx, a network error or a
 * timeout, an unreadable JSON body). A `Retry-After` is honoured; after a 429 every call waits
 * out the API's whole window (the server's count is full). Other 4xx answers fail at once,
 * except the PxWeb answer to a query with too many cells, which becomes a
 * {@link TooManyValuesError} for the caller to split.
 */
import { AcquireError, TooManyValuesError } from './errors.ts';
import type { Clock, Throttle } from './throttle.ts';

/** How often and how long to retry. */
export interface RetryPolicy {
  /** Most attempts per request, including the first (default 5). */
  attempts: number;
  /** Delay before the first retry in ms; doubles each time (default 1000). */
  baseDelayMs: number;
  /** Cap on any single backoff delay of our own (default 60,000). */
  maxDelayMs: number;
  /**
   * Longest wait a server may ask for with Retry-After (default 15 minutes). The wait asked for is
   * honoured in full up to this; a longer one ends the run with the time to try again.
   */
  maxRetryAfterMs: number;
  /** Most attempts when the body is not valid JSON (default 3: a broken answer is retried twice). */
  malformedAttempts: number;
}

/** Five attempts, 1 s doubling to at most 60 s; Retry-After up to 15 min; a broken JSON answer is tried three times. */
export const DEFAULT_RETRY: Readonly<RetryPolicy> = Object.freeze({ attempts: 5, baseDelayMs: 1000, maxDelayMs: 60_000, maxRetryAfterMs: 15 * 60_000, malformedAttempts: 3 });

/** What a request needs from its surroundings. */
export interface HttpContext {
  fetch: typeof fetch;
  throttle: Throttle;
  clock: Clock;
  /** Timeout of each attempt in ms, covering the whole answer including its body. */
  timeoutMs: number;
  retry: RetryPolicy;
  /** Receives a line for each retry (progress on stderr in the CLI). */
  log: (line: string) => void;
}

/** One request to make. */
export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  /** JSON body for a POST. */
  body?: unknown;
  /** How messages name this request, e.g. `statfin-tyonv-12r5 (tyonv/12r5.px), chunk 2/3`. */
  what: string;
  /**
   * A data query that the caller can split into smaller ones: a 403 that speaks of too many
   * values, or whose body is an HTML error page that hides the reason (IIS replaces the
   * application's message with its own page), becomes a {@link TooManyValuesError}.
   */
  splittable?: boolean;
  /** `json` (default): the body must be JSON; `text`: any body (a CSV file), returned as text. */
  expect?: 'json' | 'text';
  /** Extra request headers. */
  headers?: Record<string, string>;
}

/** A successful answer: the body as text, the parsed JSON, and how many retries it took. */
export interface HttpResult {
  text: string;
  json: unknown;
  retries: number;
}

/**
 * Delay before retry number `retry` (1 = first retry): `base × 2^(retry−1)`, capped at
 * `maxDelayMs`. A `Retry-After` value (seconds or an HTTP date) takes precedence and is
 * honoured up to `maxRetryAfterMs`.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, retryAfterMs: number | null = null): number {
  if (retryAfterMs !== null) return Math.min(policy.maxRetryAfterMs, Math.max(0, retryAfterMs));
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
}

/** Parses a `Retry-After` header (delta seconds or an HTTP date) into ms; null if absent or unreadable. */
export function parseRetryAfter(header: string | null, nowMs = Date.now()): number | null {
  if (header === null) return null;
  const t = header.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * 1000);
  const date = Date.parse(t);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

/** The text of an answer body with HTML tags and the common entities taken out, whitespace collapsed. */
function bodyText(body: string): string {
  return body
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&#160;|&#xa0;/gi, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&#39;|&apos;/gi, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when a body is an HTML page rather than a message (a web server's own error page). */
function isHtml(body: string, contentType: string | null = null): boolean {
  return /text\/html/i.test(contentType ?? '') || /^\s*(<!doctype html|<html|<\?xml[^>]*>\s*<!doctype html)/i.test(body);
}

/**
 * True when a refusal is PxWeb's "too many values" answer. PxWeb v1 answers HTTP 403 with a
 * short text such as "Too many values selected"; we accept 403 or 413 whose body speaks of too
 * many values or cells, in JSON, plain text or an HTML page, so a reworded or wrapped message
 * still splits the chunk instead of failing.
 */
export function isTooManyValues(status: number, body: string): boolean {
  return (status === 403 || status === 413) && /too\s*many|values|cells|liian\s*monta|för\s*många/i.test(bodyText(body));
}

/** Parses a JSON answer, tolerating the UTF-8 byte-order mark some PxWeb installations send. */
export function parseJsonText(text: string): unknown {
  return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

function excerpt(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 160 ? `${one.slice(0, 160)}…` : one;
}

type Failure = { retryable: boolean; message: string; retryAfterMs: number | null; malformed?: boolean; penalty?: boolean };

/**
 * Makes one request with throttling, timeout and retries, and returns the body parsed as JSON.
 * Throws {@link TooManyValuesError} for PxWeb's "too many values" refusal and an
 * {@link AcquireError} naming the request for everything else that does not succeed.
 */
export async function requestJson(ctx: HttpContext, req: HttpRequest): Promise<HttpResult> {
  let attempt = 0;
  let malformed = 0;
  for (;;) {
    attempt++;
    await ctx.throttle.acquire();
    let failure: Failure;
    try {
      const signal = AbortSignal.timeout(ctx.timeoutMs);
      const accept = req.expect === 'text' ? '*/*' : 'application/json';
      const res = await ctx.fetch(req.url, {
        method: req.method,
        headers: { ...(req.method === 'POST' ? { 'content-type': 'application/json' } : {}), accept, ...req.headers },
        ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
        signal,
      });
      const text = await res.text();
      if (res.ok) {
        if (req.expect === 'text') return { text, json: null, retries: attempt - 1 };
        try {
          return { text, json: parseJsonText(text), retries: attempt - 1 };
        } catch (e) {
          malformed++;
          failure = { retryable: malformed < ctx.retry.malformedAttempts, retryAfterMs: null, malformed: true, message: `the answer is not valid JSON (${(e as Error).message}; begins ${JSON.stringify(text.slice(0, 40))})` };
        }
      } else if (req.splittable && (isTooManyValues(res.status, text) || (res.status === 403 && isHtml(text, res.headers.get('content-type'))))) {
        throw new TooManyValuesError(res.status, bodyText(text));
      } else {
        const retryable = res.status === 429 || res.status >= 500;
        const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), Date.now());
        failure = {
          retryable,
          retryAfterMs,
          message: `HTTP ${res.status} ${res.statusText}${text.trim() ? ` ("${excerpt(bodyText(text))}")` : ''}`,
        };
        if (!retryable) throw new AcquireError(`${req.what}: ${req.method} ${req.url} failed with ${failure.message}; ${advice4xx(res.status, isTooManyValues(res.status, text))}`, res.status);
        if (retryAfterMs !== null && retryAfterMs > ctx.retry.maxRetryAfterMs) {
          const at = new Date(Date.now() + retryAfterMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
          throw new AcquireError(
            `${req.what}: ${req.method} ${req.url} answered ${failure.message} and asks to wait ${Math.ceil(retryAfterMs / 60_000)} min (Retry-After), longer than this run waits (${Math.round(ctx.retry.maxRetryAfterMs / 60_000)} min); run again after ${at} (completed chunks are cached and reused).`,
            res.status,
          );
        }
        if (res.status === 429) {
          // The server's count for the window is full: wait out the whole window (or longer if
          // it says so), for every call of this run and, through the call log, the next run —
          // also when this run gives up now.
          failure.retryAfterMs = Math.max(retryAfterMs ?? 0, ctx.throttle.windowMs);
          failure.penalty = true;
          ctx.throttle.block(failure.retryAfterMs);
        }
      }
    } catch (e) {
      if (e instanceof TooManyValuesError || e instanceof AcquireError) throw e;
      const err = e as Error & { cause?: { code?: string; message?: string } };
      const timedOut = err.name === 'TimeoutError' || err.name === 'AbortError';
      failure = {
        retryable: true,
        retryAfterMs: null,
        message: timedOut ? `no answer within ${ctx.timeoutMs} ms (timeout)` : `network error: ${err.cause?.code ?? err.cause?.message ?? err.message}`,
      };
    }
    if (!failure.retryable || attempt >= ctx.retry.attempts) {
      const tries = failure.malformed ? malformed : attempt;
      throw new AcquireError(
        `${req.what}: ${req.method} ${req.url} failed after ${tries} attempt${tries === 1 ? '' : 's'}: ${failure.message}. ` +
          (failure.malformed
            ? 'The server sent a broken answer; run again later.'
            : 'The PxWeb service may be down or overloaded; run again later (completed chunks are cached and reused).'),
      );
    }
    const delay = backoffDelay(attempt, ctx.retry, failure.retryAfterMs);
    const most = (failure.malformed ? Math.min(ctx.retry.malformedAttempts, ctx.retry.attempts) : ctx.retry.attempts) - 1;
    const wait = delay < 1000 ? `${delay} ms` : `${(delay / 1000).toFixed(1)} s`;
    ctx.log(`    retry ${failure.malformed ? malformed : attempt}/${most} of ${req.what} in ${wait}: ${failure.message}${failure.penalty ? ' (every call waits out the rate window)' : ''}`);
    // After a 429 the throttle already holds every call until the pause is over.
    if (!failure.penalty) await ctx.clock.sleep(delay);
  }
}

function advice4xx(status: number, tooMany = false): string {
  if (tooMany) return 'the server says the query selects too many values; only data queries are split, so this one cannot be made smaller.';
  if (status === 403) return 'the server refuses the request (403); check the address, and whether the API blocks this client.';
  if (status === 404) return 'the table or language does not exist at this address: check pxweb.base, database and table in the source file (short ids such as tyonv/12r5.px since June 2026).';
  if (status === 400) return 'the server rejected the query: a variable or value code in the metadata may have changed; run again to rebuild the query, and check the source file.';
  return 'this is not retried; check the address and the source file.';
}
