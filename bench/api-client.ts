/** One answer of the API: status, parsed JSON body and ETag. */
export interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
  etag: string | null;
}

/** Calls the local API as a client would, with the caller's bearer token. */
export async function callApi(
  apiUrl: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiAnswer> {
  const response = await fetch(`${apiUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    etag: response.headers.get('etag'),
  };
}

/**
 * Throws unless the answer has the expected status. The message names the route and the error
 * code and fields only: error messages can echo the values sent, which describe a person.
 */
export function expectStatus(answer: ApiAnswer, expected: number, what: string): ApiAnswer {
  if (answer.status === expected) return answer;
  const error = (answer.body.error ?? {}) as { code?: string; fields?: Record<string, string> };
  const fields = error.fields ? ` (fields: ${Object.keys(error.fields).join(', ')})` : '';
  throw new Error(`${what} answered ${answer.status} ${error.code ?? ''}${fields}, expected ${expected}`);
}
