/**
 * A sliding-window rate limiter: at most `maxCalls` request starts within any `timeWindow`
 * seconds, as PxWeb's `?config` asks. The API counts calls per client over a window and answers
 * HTTP 429 past it; staying under the limit on our side keeps the run polite and avoids the
 * penalty wait. The clock is injectable so tests can check the spacing without waiting.
 */

/** Time source and sleep, injectable for tests. */
export interface Clock {
  /** Milliseconds on a monotonic scale. */
  now(): number;
  /** Resolves after `ms` milliseconds. */
  sleep(ms: number): Promise<void>;
}

/** The real clock. */
export const realClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/**
 * A clock that never waits: `sleep` advances the time at once. For tests; also records every
 * sleep so a test can check the delays asked for.
 */
export function fakeClock(start = 0): Clock & { sleeps: number[] } {
  let t = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    sleep: async (ms) => {
      sleeps.push(ms);
      t += Math.max(0, ms);
    },
  };
}

/** Limits a sequence of calls to `maxCalls` per `windowMs` (sliding window over call starts). */
export class Throttle {
  #maxCalls: number;
  #windowMs: number;
  readonly #clock: Clock;
  readonly #starts: number[] = [];

  /**
   * @param maxCalls most calls within any window
   * @param windowMs window length in milliseconds
   * @param clock time source (defaults to the real clock)
   */
  constructor(maxCalls: number, windowMs: number, clock: Clock = realClock) {
    this.#maxCalls = Math.max(1, Math.floor(maxCalls));
    this.#windowMs = Math.max(0, windowMs);
    this.#clock = clock;
  }

  /** Changes the limits (after `?config` has been read); calls already made still count. */
  setLimits(maxCalls: number, windowMs: number): void {
    this.#maxCalls = Math.max(1, Math.floor(maxCalls));
    this.#windowMs = Math.max(0, windowMs);
  }

  /** Waits until one more call fits in the window, then records its start. Returns the wait in ms. */
  async acquire(): Promise<number> {
    let waited = 0;
    for (;;) {
      const now = this.#clock.now();
      while (this.#starts.length > 0 && this.#starts[0]! <= now - this.#windowMs) this.#starts.shift();
      if (this.#starts.length < this.#maxCalls) {
        this.#starts.push(now);
        return waited;
      }
      const wait = this.#starts[0]! + this.#windowMs - now;
      waited += wait;
      await this.#clock.sleep(wait);
    }
  }
}
