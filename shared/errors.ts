/**
 * Every error the API answers with, each with its HTTP status and stable code (API.md "Errors").
 * Handlers throw these; shared/http/error-response.ts is the one place that turns them into responses.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
    /** More members of the error body, e.g. the id of the record a duplicate clashes with. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationFailed extends ApiError {
  constructor(message: string, fields?: Record<string, string>) {
    super(400, 'validation_failed', message, fields);
  }
}

export class MalformedJson extends ApiError {
  constructor(detail: string) {
    super(400, 'malformed_json', `The request body is not valid JSON: ${detail}`);
  }
}

export class Unauthenticated extends ApiError {
  constructor(message = 'Sign in again: the request has no valid access token.') {
    super(401, 'unauthenticated', message, undefined, { 'www-authenticate': 'Bearer' });
  }
}

export class Forbidden extends ApiError {
  constructor(message = 'Your role does not allow this.') {
    super(403, 'forbidden', message);
  }
}

export class NotFound extends ApiError {
  constructor(what: string) {
    super(404, 'not_found', `No ${what} with that id in your partnership.`);
  }
}

export class VersionConflict extends ApiError {
  constructor(current?: number) {
    super(
      409,
      'version_conflict',
      'The record was changed since you read it: read it again and repeat the change.',
      undefined,
      current === undefined ? undefined : { etag: `"${current}"` },
    );
  }
}

export class Duplicate extends ApiError {
  constructor(
    message: string,
    readonly existingId?: string,
  ) {
    super(409, 'duplicate', message, undefined, undefined, existingId ? { existingId } : undefined);
  }
}

export class Conflict extends ApiError {
  constructor(code: string, message: string) {
    super(409, code, message);
  }
}

/**
 * A new person may already be recorded: the body names the candidates by id only (they may be
 * in areas the caller cannot see), and `notDuplicateOf` naming them all adds the person anyway.
 */
export class PossibleDuplicate extends ApiError {
  constructor(readonly candidates: readonly string[]) {
    super(
      409,
      'possible_duplicate',
      'A person with the same NHS number, or the same date of birth and family name, is already recorded in your partnership. Check the candidates; if this is a different person, send notDuplicateOf with every candidate’s id.',
      undefined,
      undefined,
      { candidates: [...candidates] },
    );
  }
}

export class TooLarge extends ApiError {
  constructor(limitBytes: number) {
    super(413, 'too_large', `The request body is larger than the limit of ${limitBytes} bytes.`);
  }
}

export class UnsupportedMediaType extends ApiError {
  constructor(expected: string, got: string | undefined) {
    super(415, 'unsupported_media_type', `Send the body as ${expected}; got ${got ?? 'no Content-Type'}.`);
  }
}

export class PreconditionRequired extends ApiError {
  constructor() {
    super(
      428,
      'precondition_required',
      "Send If-Match with the record's current version (its ETag) to change it.",
    );
  }
}

export class Throttled extends ApiError {
  constructor(retryAfterSeconds = 1) {
    super(429, 'throttled', 'Too many requests: try again shortly.', undefined, {
      'retry-after': String(retryAfterSeconds),
    });
  }
}

export class Unavailable extends ApiError {
  constructor(
    message = 'A service this request needs is unavailable; nothing was changed. Try again shortly.',
  ) {
    super(503, 'unavailable', message, undefined, { 'retry-after': '5' });
  }
}
