import { ApiError, apiErrorFrom, NetworkError } from './errors.ts';

export interface RequestOptions {
  body?: unknown;
  /** A body sent as it is rather than as JSON (a CSV file's text), with its content type. */
  rawBody?: { text: string; contentType: string };
  query?: Record<string, string | number | undefined>;
  /** The record's `version`, sent as `If-Match` on updates. */
  version?: number;
  /** Sent as `Idempotency-Key` on creates. */
  idempotencyKey?: string;
}

/** A file fetched from the API, ready to save. */
export interface DownloadedFile {
  blob: Blob;
  /** The name from the answer's `Content-Disposition`, if it gave one. */
  filename?: string;
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
    const response = await this.#send(method, path, options, 'application/json');
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

  /**
   * Fetches a file the API serves (a CSV) with the bearer token, which a plain link cannot send:
   * its content and the name the API suggests for it.
   */
  async download(path: string, query?: RequestOptions['query']): Promise<DownloadedFile> {
    const response = await this.#send('GET', path, { query }, 'text/csv, */*');
    const disposition = response.headers.get('content-disposition') ?? '';
    const filename = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
    return { blob: await response.blob(), filename };
  }

  /** Sends the request and answers the response if it succeeded; throws the API's error otherwise. */
  async #send(method: string, path: string, options: RequestOptions, accept: string): Promise<Response> {
    const headers: Record<string, string> = { accept };
    const token = this.#options.accessToken();
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (options.rawBody) {
      headers['content-type'] = options.rawBody.contentType;
      body = options.rawBody.text;
    } else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    if (options.version !== undefined) headers['if-match'] = `"${options.version}"`;
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;

    let response: Response;
    try {
      response = await fetch(this.#url(path, options.query), { method, headers, body, cache: 'no-store' });
    } catch (cause) {
      throw new NetworkError(cause);
    }
    if (response.status === 401) {
      this.#options.onUnauthenticated();
      throw await apiErrorFrom(response);
    }
    if (!response.ok) throw await apiErrorFrom(response);
    return response;
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
