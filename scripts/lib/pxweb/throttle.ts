/**
 * A sliding-window rate limiter: at most `maxCalls` request starts within any `timeWindow`
 * seconds, as PxWeb's `?config` asks. The API counts calls per client over a window and answers
 * HTTP 429 past it; staying under the limit on our side keeps the run polite and avoids the
 * penalty wait. The clock is injectable so tests can check the spacing without waiting.
 *
 * The server counts calls per client, not per process: a run started right after another (a
 * rerun after Ctrl-C) shares its window. So the call starts, and a pause the server asked for
 * after a 429, can be kept in a small file ({@link FileCallLog}, in the acquire cache folder)
 * that every run reads before each call.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Time source and sleep, injectable for tests. */
export interface Clock {
  /** Milliseconds since the epoch (wall clock, so that a call log can be shared between runs). */
  now(): number;
  /** Resolves after `ms` milliseconds. */
  sleep(ms: number): Promise<void>;
}

/** The real clock. */
export const realClock: Clock = {
  now: () => Date.now(),
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

/** What a call log holds: recent call starts and the end of a pause the server asked for. */
export interface CallState {
  /** Start times of recent calls (ms since the epoch). */
  starts: number[];
  /** No call before this time (ms since the epoch); 0 when there is no pause. */
  blockedUntil: number;
  /**
   * The limits the last run learned from the API (calls per window, window in ms), so that a new
   * run keeps to them for its first calls, before it has read them itself.
   */
  limits?: { maxCalls: number; windowMs: number };
}

/** Where a throttle keeps its calls: in memory, or in a file shared by successive runs. */
export interface CallLog {
  read(): CallState;
  write(state: CallState): void;
}

/** A call log in memory (the throttle of one process). */
class MemoryCallLog implements CallLog {
  #state: CallState = { starts: [], blockedUntil: 0 };
  read(): CallState {
    return structuredClone(this.#state);
  }
  write(state: CallState): void {
    this.#state = structuredClone(state);
  }
}

/**
 * A call log in a JSON file, e.g. `data/.acquire-cache/calls/pxdata.stat.fi.json`. An unreadable
 * file counts as empty (it only makes a run less patient, never wrong); writes go to a temporary
 * file that is renamed, so a killed run never leaves half a file.
 */
export class FileCallLog implements CallLog {
  readonly path: string;
  constructor(path: string) {
    this.path = path;
  }
  read(): CallState {
    try {
      const j = JSON.parse(readFileSync(this.path, 'utf8')) as Partial<CallState>;
      const starts = Array.isArray(j.starts) ? j.starts.filter((t): t is number => typeof t === 'number' && Number.isFinite(t)) : [];
      const l = j.limits;
      const limits = l && Number.isFinite(l.maxCalls) && l.maxCalls >= 1 && Number.isFinite(l.windowMs) && l.windowMs >= 0 ? { maxCalls: l.maxCalls, windowMs: l.windowMs } : undefined;
      return { starts, blockedUntil: typeof j.blockedUntil === 'number' && Number.isFinite(j.blockedUntil) ? j.blockedUntil : 0, ...(limits ? { limits } : {}) };
    } catch {
      return { starts: [], blockedUntil: 0 };
    }
  }
  write(state: CallState): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(state));
    renameSync(tmp, this.path);
  }
}

/**
 * The calls per window to use when the API allows `maxCalls`: a tenth fewer (at least one fewer,
 * never below one), so that calls that leave together but arrive apart under load, or a clock a
 * little off the server's, do not tip over the limit (30 → 27, 40 → 36, 3 → 2).
 */
export function politeCalls(maxCalls: number): number {
  const n = Math.max(1, Math.floor(maxCalls));
  return n <= 1 ? 1 : n - Math.max(1, Math.ceil(n * 0.1));
}

/** Limits a sequence of calls to `maxCalls` per `windowMs` (sliding window over call starts). */
export class Throttle {
  #maxCalls: number;
  #windowMs: number;
  readonly #clock: Clock;
  readonly #log: CallLog;
  /** Whether this run has set its limits from the API (else the log's may be stricter). */
  #learned = false;

  /**
   * @param maxCalls most calls within any window
   * @param windowMs window length in milliseconds
   * @param clock time source (defaults to the real clock)
   * @param log where the calls are kept (default: this process's memory)
   */
  constructor(maxCalls: number, windowMs: number, clock: Clock = realClock, log: CallLog = new MemoryCallLog()) {
    this.#maxCalls = Math.max(1, Math.floor(maxCalls));
    this.#windowMs = Math.max(0, windowMs);
    this.#clock = clock;
    this.#log = log;
  }

  /**
   * Changes the limits (after `?config` has been read); calls already made still count. The
   * limits are kept in the call log for the next run's first calls.
   */
  setLimits(maxCalls: number, windowMs: number): void {
    this.#maxCalls = Math.max(1, Math.floor(maxCalls));
    this.#windowMs = Math.max(0, windowMs);
    this.#learned = true;
    const s = this.#log.read();
    this.#log.write({ ...s, limits: { maxCalls: this.#maxCalls, windowMs: this.#windowMs } });
  }

  /** The window in ms (the API's time window plus the margin). */
  get windowMs(): number {
    return this.#windowMs;
  }

  /**
   * The limits in force: this run's own once it has read them; before that, the stricter of the
   * defaults and what the last run learned.
   */
  #limits(s: CallState): { maxCalls: number; windowMs: number } {
    if (this.#learned || !s.limits) return { maxCalls: this.#maxCalls, windowMs: this.#windowMs };
    return { maxCalls: Math.min(this.#maxCalls, s.limits.maxCalls), windowMs: Math.max(this.#windowMs, s.limits.windowMs) };
  }

  /** The state with calls outside the window dropped (and starts that lie in the future beyond a window: a clock that jumped). */
  #current(now: number): CallState & { max: number; window: number } {
    const s = this.#log.read();
    const { maxCalls, windowMs } = this.#limits(s);
    return { ...s, starts: s.starts.filter((t) => t > now - windowMs && t <= now + windowMs).sort((a, b) => a - b), max: maxCalls, window: windowMs };
  }

  /** Waits until one more call fits in the window (and any pause has passed), then records its start. Returns the wait in ms. */
  async acquire(): Promise<number> {
    let waited = 0;
    for (;;) {
      const now = this.#clock.now();
      const { max, window, ...s } = this.#current(now);
      let wait = 0;
      if (s.blockedUntil > now) wait = s.blockedUntil - now;
      else if (s.starts.length >= max) wait = s.starts[s.starts.length - max]! + window - now;
      if (wait <= 0) {
        s.starts.push(now);
        this.#log.write(s);
        return waited;
      }
      waited += wait;
      await this.#clock.sleep(wait);
    }
  }

  /**
   * Pauses every call (of this run and, through a shared log, of the next) for `ms` from now:
   * after a 429 the server's window is full, so the wait is at least the whole window.
   */
  block(ms: number): void {
    const now = this.#clock.now();
    const { max: _m, window: _w, ...s } = this.#current(now);
    s.blockedUntil = Math.max(s.blockedUntil, now + Math.max(0, ms));
    this.#log.write(s);
  }
}
