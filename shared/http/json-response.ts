import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

const BASE_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

/** A JSON response with the API's standard headers; 204 carries no body. */
export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 {
  if (status === 204 || body === undefined) {
    return { statusCode: status, headers: { 'cache-control': 'no-store', ...headers } };
  }
  return { statusCode: status, headers: { ...BASE_HEADERS, ...headers }, body: JSON.stringify(body) };
}

/** The ETag of a record: its version, quoted. */
export const etagOf = (body: unknown): string | undefined => {
  const version = (body as { version?: unknown } | null)?.version;
  return typeof version === 'number' ? `"${version}"` : undefined;
};

/** A non-JSON response (a CSV download), offered as a file when it has a name. */
export function textResponse(
  status: number,
  text: { contentType: string; content: string; filename?: string },
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: status,
    headers: {
      'content-type': text.contentType,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...(text.filename ? { 'content-disposition': `attachment; filename="${text.filename}"` } : {}),
      ...headers,
    },
    body: text.content,
  };
}
