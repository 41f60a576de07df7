import { ERROR_CODES, type ApiError, type ErrorCode, type FieldProblem } from '../../shared/errors';

// The expected failures of a use case, whoever runs it: HTTP answers them with their status
// (platform/http/errors.ts), the CLI and the jobs report their message.

/** An expected failure with a stable code, an HTTP status and, for bad input, the fields at fault. */
export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    public readonly status: number,
    public readonly fields: FieldProblem[] = [],
    message?: string,
  ) {
    super(message ?? ERROR_CODES[code]);
  }

  toJSON(): ApiError {
    return { code: this.code, message: this.message, fields: this.fields };
  }
}

export const notFound = () => new AppError('NOT_FOUND', 404);
export const forbidden = () => new AppError('FORBIDDEN', 403);
export const unauthenticated = () => new AppError('UNAUTHENTICATED', 401);
export const invalid = (fields: FieldProblem[], message?: string) =>
  new AppError('VALIDATION_FAILED', 400, fields, message);
export const conflict = (message: string, fields: FieldProblem[] = []) =>
  new AppError('CONFLICT', 409, fields, message);

/** A module's refusal of an uploaded file (empty, too large, of a type it does not take), as the 4xx
 * the client reads on the field "file" (or `path`, when a form sends several files with its data). */
export function fileRefused(refusal: { status: 400 | 413 | 415; message: string }, path = 'file'): AppError {
  const fields = [{ path, message: refusal.message }];
  if (refusal.status === 400) return invalid(fields, refusal.message);
  const code = refusal.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'UNSUPPORTED_MEDIA_TYPE';
  return new AppError(code, refusal.status, fields, refusal.message);
}
