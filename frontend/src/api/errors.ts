/** An answer from the API that was not a success, with the error body's code and field messages. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Messages by dotted field path, e.g. `chair.email` or `alertEmails.1`. */
  readonly fields: Record<string, string>;
  /** On a `duplicate`: the id of the record that already holds the value. */
  readonly existingId?: string;
  /** On a `possible_duplicate`: the ids of the people who may be the same person. */
  readonly candidates?: readonly string[];

  constructor(
    status: number,
    code: string,
    message: string,
    fields: Record<string, string> = {},
    existingId?: string,
    candidates?: readonly string[],
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.existingId = existingId;
    this.candidates = candidates;
  }

  /** True when the outcome of a write is unknown (the server may or may not have done it). */
  get outcomeUnknown(): boolean {
    return this.status === 0 || (this.status >= 500 && this.status !== 503);
  }
}

/** The request never got an HTTP answer (offline, DNS, connection reset). */
export class NetworkError extends ApiError {
  constructor(cause: unknown) {
    super(0, 'network_error', 'The service could not be reached. Check your connection and try again.');
    this.name = 'NetworkError';
    this.cause = cause;
  }
}

/** Reads the `{"error": {...}}` body if there is one, else describes the status. */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  let code = `http_${response.status}`;
  let message = response.statusText || `The service answered ${response.status}`;
  let fields: Record<string, string> = {};
  let existingId: string | undefined;
  let candidates: string[] | undefined;
  try {
    const body: unknown = await response.json();
    const error = (
      body as { error?: { code?: unknown; message?: unknown; fields?: unknown; existingId?: unknown } } | null
    )?.error;
    if (error && typeof error === 'object') {
      if (typeof error.code === 'string') code = error.code;
      if (typeof error.existingId === 'string') existingId = error.existingId;
      const listed = (error as { candidates?: unknown }).candidates;
      if (Array.isArray(listed)) candidates = listed.filter((id): id is string => typeof id === 'string');
      if (typeof error.message === 'string') message = error.message;
      if (error.fields && typeof error.fields === 'object') {
        fields = Object.fromEntries(
          Object.entries(error.fields as Record<string, unknown>).filter(
            (entry): entry is [string, string] => typeof entry[1] === 'string',
          ),
        );
      }
    }
  } catch {
    // Not JSON (e.g. a proxy's HTML error page): the status alone has to do.
  }
  return new ApiError(response.status, code, message, fields, existingId, candidates);
}
