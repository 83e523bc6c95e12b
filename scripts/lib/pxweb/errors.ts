/**
 * Errors of the live acquire path. Every message names the source and table, what went wrong
 * and what to do, because it is the one line a person running `npm run data:acquire` sees.
 */

/** A failure of the live acquire that the CLI reports as one line (no stack trace). */
export class AcquireError extends Error {
  /** The HTTP status that caused the failure, when there was one. */
  readonly status: number | undefined;

  /**
   * @param message the whole one-line message
   * @param status the HTTP status behind it, if any (lets callers tell a 404 from other failures)
   */
  constructor(message: string, status?: number) {
    super(message);
    this.name = 'AcquireError';
    this.status = status;
  }
}

/**
 * The server refused a query because it selects too many cells (PxWeb v1 answers HTTP 403
 * "Too many values selected" when a query exceeds `maxValues`). The caller halves the chunk.
 */
export class TooManyValuesError extends Error {
  readonly status: number;
  readonly body: string;

  constructor(status: number, body: string) {
    super(`HTTP ${status}: the server says too many values were selected (${body.slice(0, 120).trim()})`);
    this.name = 'TooManyValuesError';
    this.status = status;
    this.body = body;
  }
}
