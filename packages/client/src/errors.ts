/** Fields every client error carries. */
interface ErrorContext {
  /** The contract operation, `watchlist.reorder`. */
  operation: string;
  /** The server's request id, when the server answered. */
  requestId?: string | undefined;
}

/** The server answered with an error envelope (4xx/5xx). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly operation: string;
  readonly status: number;
  /** The envelope's machine-readable code: `validation_failed`, `reauth_required` … */
  readonly code: string;
  readonly requestId: string | undefined;
  /** Per-field messages, keyed by field path (`items[2].title_id`). */
  readonly fields: Record<string, string>;
  readonly hint: Record<string, unknown> | undefined;
  /** Seconds to wait, from `Retry-After` on a 429/503. */
  readonly retryAfter: number | undefined;

  constructor(
    context: ErrorContext & {
      status: number;
      code: string;
      message: string;
      fields?: Record<string, string>;
      hint?: Record<string, unknown> | undefined;
      retryAfter?: number | undefined;
    },
  ) {
    super(context.message);
    this.operation = context.operation;
    this.status = context.status;
    this.code = context.code;
    this.requestId = context.requestId;
    this.fields = context.fields ?? {};
    this.hint = context.hint;
    this.retryAfter = context.retryAfter;
  }
}

/** The server answered, but not as the contract says: a bug on one side, shown plainly. */
export class ContractError extends Error {
  override readonly name = 'ContractError';
  readonly operation: string;
  readonly status: number;
  /** Path of the first bad field in the body (`items[3].year`), `''` for the body itself. */
  readonly field: string;
  readonly requestId: string | undefined;

  constructor(context: ErrorContext & { status: number; field: string; problem: string }) {
    super(
      `${context.operation}: the server's answer does not match the contract at ` +
        `${context.field || 'the body'}: ${context.problem}`,
    );
    this.operation = context.operation;
    this.status = context.status;
    this.field = context.field;
    this.requestId = context.requestId;
  }
}

/** The request did not get an answer (offline, DNS, reset, CORS refusal). */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  readonly operation: string;
  readonly requestId: string | undefined;

  constructor(context: ErrorContext & { cause: unknown }) {
    super(`${context.operation}: the network request failed`, { cause: context.cause });
    this.operation = context.operation;
    this.requestId = context.requestId;
  }
}

/** Any error the client throws, except an abort (a `DOMException` named `AbortError`). */
export type ClientError = ApiError | ContractError | NetworkError;

/** True when `error` is the abort of a request the caller cancelled. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Formats a zod issue path as `items[2].title_id`. */
export { formatIssuePath as formatPath } from '@reel/contracts';
