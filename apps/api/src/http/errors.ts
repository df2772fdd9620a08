import { ErrorCode } from '@reel/contracts';

/** A field and what is wrong with it, as the error envelope carries it. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * An error a handler throws to answer with the error envelope:
 * `throw new HttpError(409, 'conflict', 'This profile name is taken', { fields: [...] })`.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: { fields?: FieldProblem[]; hint?: Record<string, unknown> },
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, fields?: FieldProblem[]) =>
  new HttpError(400, ErrorCode.validationFailed, message, fields ? { fields } : undefined);
export const unauthenticated = (message = 'Sign in to continue') =>
  new HttpError(401, ErrorCode.unauthenticated, message);
export const forbidden = (message = 'You are not allowed to do this', hint?: Record<string, unknown>) =>
  new HttpError(403, ErrorCode.forbidden, message, hint ? { hint } : undefined);
export const notFound = (what = 'That') => new HttpError(404, ErrorCode.notFound, `${what} was not found`);
export const conflict = (message: string, fields?: FieldProblem[]) =>
  new HttpError(409, ErrorCode.conflict, message, fields ? { fields } : undefined);
export const reauthRequired = (methods: string[] = ['password']) =>
  new HttpError(403, ErrorCode.reauthRequired, 'Confirm it is you: enter your password again to continue', {
    hint: { methods },
  });
export const rateLimited = (retryAfterSeconds: number) =>
  new HttpError(
    429,
    ErrorCode.rateLimited,
    `Too many attempts; try again in ${retryAfterSeconds} s`,
    {
      hint: { retry_after: retryAfterSeconds },
    },
    { 'retry-after': String(retryAfterSeconds) },
  );
