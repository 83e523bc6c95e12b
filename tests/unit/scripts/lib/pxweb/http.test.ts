/**
 * The polite-client parts of the live acquire, without a server: reading the limits from
 * `?config`, backoff and Retry-After, recognising "too many values", the sliding-window throttle
 * with an injected clock, and the retry loop with a stub fetch.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_RETRY, backoffDelay, isTooManyValues, parseJsonText, parseRetryAfter, requestJson, type HttpContext } from '../../../../../scripts/lib/pxweb/http.ts';
import { DEFAULT_LIMITS, configUrl, parseLimits } from '../../../../../scripts/lib/pxweb/limits.ts';
import { Throttle, fakeClock } from '../../../../../scripts/lib/pxweb/throttle.ts';
import { REAL_LIKE_CONFIG } from '../../../../helpers/pxweb-server.ts';

describe('limits from ?config', () => {
  test('the config URL of a base', () => {
    assert.equal(configUrl('https://pxdata.stat.fi/PXWeb/api/v1/'), 'https://pxdata.stat.fi/PXWeb/api/v1/fi/?config');
  });

  test('reads the documented answer', () => {
    assert.deepEqual(parseLimits(REAL_LIKE_CONFIG), { maxValues: 100000, maxCalls: 30, timeWindow: 10 });
  });

  test('is lenient about case, separators and numbers as strings', () => {
    assert.deepEqual(parseLimits({ MaxValues: 120000, MAXCALLS: '40', time_window: 60 }), { maxValues: 120000, maxCalls: 40, timeWindow: 60 });
  });

  test('returns null when a limit is missing or not a positive number', () => {
    assert.equal(parseLimits({ maxValues: 100000, maxCalls: 30 }), null);
    assert.equal(parseLimits({ maxValues: 0, maxCalls: 30, timeWindow: 10 }), null);
    assert.equal(parseLimits('<html>'), null);
    assert.equal(parseLimits(null), null);
    assert.deepEqual(DEFAULT_LIMITS, { maxValues: 100000, maxCalls: 30, timeWindow: 10 });
  });
});

describe('backoff', () => {
  const policy = { ...DEFAULT_RETRY, baseDelayMs: 1000, maxDelayMs: 60_000 };

  test('doubles from the base delay and is capped', () => {
    assert.deepEqual([1, 2, 3, 4, 7, 8].map((n) => backoffDelay(n, policy)), [1000, 2000, 4000, 8000, 60_000, 60_000]);
  });

  test('Retry-After takes precedence and is honoured in full up to 15 minutes', () => {
    assert.equal(backoffDelay(1, policy, 7000), 7000);
    assert.equal(backoffDelay(1, policy, 600_000), 600_000);
    assert.equal(backoffDelay(1, policy, 3_600_000), 900_000);
  });

  test('Retry-After as seconds or an HTTP date', () => {
    assert.equal(parseRetryAfter('2'), 2000);
    assert.equal(parseRetryAfter('Wed, 21 Oct 2026 07:28:10 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT')), 10_000);
    assert.equal(parseRetryAfter('soon'), null);
    assert.equal(parseRetryAfter(null), null);
  });
});

describe('recognising answers', () => {
  test('"too many values" is a 403/413 that speaks of values or cells', () => {
    assert.equal(isTooManyValues(403, 'Too many values selected'), true);
    assert.equal(isTooManyValues(413, 'Request selects too many cells'), true);
    assert.equal(isTooManyValues(403, 'Forbidden'), false);
    assert.equal(isTooManyValues(400, 'Too many values selected'), false);
  });

  test('a leading byte-order mark does not break JSON parsing', () => {
    assert.deepEqual(parseJsonText('\uFEFF{"a":1}'), { a: 1 });
  });
});

describe('throttle (sliding window, injected clock)', () => {
  /** True if no window of `windowMs` (half-open) holds more than `max` of the start times. */
  const withinLimit = (starts: number[], max: number, windowMs: number) =>
    starts.every((s) => starts.filter((t) => t > s - windowMs && t <= s).length <= max);

  test('at most maxCalls starts in any window of timeWindow', async () => {
    const clock = fakeClock();
    const throttle = new Throttle(3, 10_000, clock);
    const starts: number[] = [];
    for (let i = 0; i < 10; i++) {
      await throttle.acquire();
      starts.push(clock.now());
    }
    assert.deepEqual(starts, [0, 0, 0, 10_000, 10_000, 10_000, 20_000, 20_000, 20_000, 30_000]);
    assert.ok(withinLimit(starts, 3, 10_000));
  });

  test('calls spread over time are not delayed', async () => {
    const clock = fakeClock();
    const throttle = new Throttle(2, 1000, clock);
    for (let i = 0; i < 5; i++) {
      assert.equal(await throttle.acquire(), 0);
      await clock.sleep(600);
    }
    assert.deepEqual(clock.sleeps, [600, 600, 600, 600, 600]);
  });

  test('new limits apply to the next call', async () => {
    const clock = fakeClock();
    const throttle = new Throttle(30, 10_000, clock);
    await throttle.acquire();
    throttle.setLimits(1, 5000);
    assert.equal(await throttle.acquire(), 5000);
  });
});

describe('the retry loop (stub fetch)', () => {
  const ctx = (fetch: typeof globalThis.fetch, clock = fakeClock(), lines: string[] = []): HttpContext & { clock: ReturnType<typeof fakeClock> } => ({
    fetch,
    throttle: new Throttle(1000, 1000, clock),
    clock,
    timeoutMs: 50,
    retry: { ...DEFAULT_RETRY, baseDelayMs: 100 },
    log: (l) => lines.push(l),
  });
  const req = { method: 'GET' as const, url: 'http://127.0.0.1:9/x', what: 'statfin-x (x/1.px), metadata (fi)' };

  test('a network error is retried with backoff, then succeeds', async () => {
    let calls = 0;
    const c = ctx(async () => {
      if (++calls < 3) throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
      return new Response('{"ok":true}');
    });
    const r = await requestJson(c, req);
    assert.deepEqual(r.json, { ok: true });
    assert.equal(r.retries, 2);
    assert.deepEqual(c.clock.sleeps, [100, 200]);
  });

  test('a timeout is retried; the message says so when attempts run out', async () => {
    const lines: string[] = [];
    const c = ctx(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason));
        }),
      fakeClock(),
      lines,
    );
    c.retry = { ...c.retry, attempts: 2 };
    await assert.rejects(requestJson(c, req), /statfin-x \(x\/1\.px\), metadata \(fi\): GET .* failed after 2 attempts: no answer within 50 ms \(timeout\)/);
    assert.match(lines[0]!, /retry 1\/1 .*\(timeout\)/);
  });

  test('a 404 is not retried', async () => {
    let calls = 0;
    const c = ctx(async () => {
      calls++;
      return new Response('Not found', { status: 404, statusText: 'Not Found' });
    });
    await assert.rejects(requestJson(c, req), /HTTP 404 Not Found .*check pxweb\.base, database and table/);
    assert.equal(calls, 1);
  });
});
