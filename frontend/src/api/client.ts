import { ApiError, apiErrorFrom, NetworkError } from './errors.ts';

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  /** The record's `version`, sent as `If-Match` on updates. */
  version?: number;
  /** Sent as `Idempotency-Key` on creates. */
  idempotencyKey?: string;
}

export interface ApiClientOptions {
  base: string;
  /** The current access token, or null when nobody is signed in. */
  accessToken: () => string | null;
  /** Called once per 401: the session is over. */
  onUnauthenticated: () => void;
}

/** Calls the Continuity API with the bearer token, JSON bodies and the API's error shape. */
export class ApiClient {
  readonly #options: ApiClientOptions;

  constructor(options: ApiClientOptions) {
    this.#options = options;
  }

  /** Sends one request and answers the parsed JSON body (undefined for 204). */
  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = this.#options.accessToken();
    if (token) headers.authorization = `Bearer ${token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.version !== undefined) headers['if-match'] = `"${options.version}"`;
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;

    let response: Response;
    try {
      response = await fetch(this.#url(path, options.query), {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        cache: 'no-store',
      });
    } catch (cause) {
      throw new NetworkError(cause);
    }
    if (response.status === 401) {
      this.#options.onUnauthenticated();
      throw await apiErrorFrom(response);
    }
    if (!response.ok) throw await apiErrorFrom(response);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ApiError(
        response.status,
        'bad_response',
        'The service sent an answer that could not be read.',
      );
    }
  }

  #url(path: string, query: RequestOptions['query']): string {
    const base = this.#options.base.replace(/\/+$/, '');
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== '') params.set(key, String(value));
    }
    const search = params.toString();
    return `${base}${path}${search ? `?${search}` : ''}`;
  }
}
