import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { LocalUser, LocalUserStore } from '../../shared/adapters/identity-local.ts';
import { Email } from '../../shared/schemas/common.ts';
import type { ExtraHandler } from './gateway.ts';
import type { MailSink } from './mail/index.ts';

interface LocalRouteParts {
  users: LocalUserStore;
  mail: MailSink;
  mintToken(user: LocalUser): Promise<string>;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

const TokenRequest = z.strictObject({ email: Email });

/**
 * Routes that exist only in the local stack (API.md "Local stack only"), so scripts and tests
 * can drive it: tokens for any local user and the sent mail.
 */
export function localApiRoutes(parts: LocalRouteParts): Record<string, ExtraHandler> {
  return {
    'POST /_local/token': async (
      _request: IncomingMessage,
      response: ServerResponse,
      _url: URL,
      body: Buffer,
    ) => {
      let input: unknown;
      try {
        input = JSON.parse(body.toString('utf8'));
      } catch {
        return sendJson(response, 400, {
          error: { code: 'malformed_json', message: 'Send {"email": "..."} as JSON.' },
        });
      }
      const parsed = TokenRequest.safeParse(input);
      const user = parsed.success ? await parts.users.byEmail(parsed.data.email) : undefined;
      if (!user || user.disabled) {
        return sendJson(response, 400, {
          error: {
            code: 'validation_failed',
            message: 'No local user has that email.',
            fields: { email: 'must be the email of a user the local stack knows' },
          },
        });
      }
      sendJson(response, 200, {
        access_token: await parts.mintToken(user),
        token_type: 'Bearer',
        expires_in: 3600,
      });
    },
    'GET /_local/mail': async (_request, response) => {
      sendJson(response, 200, { items: parts.mail.list() });
    },
  };
}
