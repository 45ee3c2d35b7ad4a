import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { logger } from '../adapters/logger.ts';
import { translateUnavailable } from '../data/dynamo-errors.ts';
import { ApiError } from '../errors.ts';
import { jsonResponse } from './json-response.ts';

/**
 * The one place errors become responses: named errors keep their status and code, an
 * unreachable dependency becomes 503, anything else is a bug and answers 500 (and is logged).
 */
export function errorResponse(error: unknown): APIGatewayProxyStructuredResultV2 {
  const known = translateUnavailable(error);
  if (known instanceof ApiError) {
    if (known.status === 503) logger.warn('dependency unavailable', { error: describe(error) });
    return jsonResponse(
      known.status,
      {
        error: {
          code: known.code,
          message: known.message,
          ...(known.fields ? { fields: known.fields } : {}),
          ...known.extra,
        },
      },
      known.headers,
    );
  }
  logger.error('unhandled error', { error: describe(error) });
  return jsonResponse(500, {
    error: { code: 'internal', message: 'Something went wrong on our side; it has been logged.' },
  });
}

/** Error name, message and stack, for logs: SDK errors carry no request payload here. */
function describe(error: unknown) {
  return error instanceof Error
    ? { name: error.name, message: error.message, stack: error.stack }
    : { value: String(error) };
}
