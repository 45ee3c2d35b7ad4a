import type { IncomingMessage, ServerResponse } from 'node:http';
import { Unavailable } from '../../shared/errors.ts';
import { sendApiError } from './gateway.ts';

/** What answers a request: the gateway once the stack is ready, the starting-up page before. */
export type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/** How long a client should wait before trying again while the stack starts. */
const RETRY_AFTER_SECONDS = '2';

/**
 * Answers every request that arrives while the stack is still starting: 503 `unavailable`, with
 * the API's error shape under `/api` and a short page elsewhere. The port opens first so that
 * nothing connects to a socket that never answers.
 */
export const startingUp: RequestListener = (request, response) => {
  // The request's body is not needed; reading it lets the connection be reused.
  request.resume();
  const path = (request.url ?? '/').split('?')[0] ?? '/';
  if (path === '/api' || path.startsWith('/api/')) {
    return sendApiError(
      response,
      new Unavailable('The service is starting: nothing was changed. Try again in a moment.'),
    );
  }
  response.writeHead(503, {
    'content-type': 'text/html; charset=utf-8',
    'retry-after': RETRY_AFTER_SECONDS,
    'cache-control': 'no-store',
  });
  response.end(
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="2">' +
      '<title>Continuity is starting</title></head><body><p>Continuity is starting. This page reloads in a moment.</p></body></html>',
  );
};

/**
 * One request listener for the server's whole life: starts with `startingUp`, and `ready(handler)`
 * hands every later request to the stack.
 */
export function switchableListener(): { listener: RequestListener; ready(handler: RequestListener): void } {
  let current: RequestListener = startingUp;
  return {
    listener: (request, response) => current(request, response),
    ready: (handler) => {
      current = handler;
    },
  };
}
