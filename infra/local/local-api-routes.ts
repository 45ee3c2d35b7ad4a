import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HmppsPrisonerEvent } from '../../events/hmpps-events.ts';
import { MalformedJson, ValidationFailed } from '../../shared/errors.ts';
import { Email } from '../../shared/schemas/common.ts';
import * as z from '../../shared/schemas/zod.ts';
import type { LocalEventBus } from './event-bus.ts';
import { type ExtraHandler, sendApiError } from './gateway.ts';
import type { LocalClock } from './local-clock.ts';
import type { LocalUser, LocalUserStore } from './local-users.ts';
import type { MailSink } from './mail/index.ts';

interface LocalRouteParts {
  users: LocalUserStore;
  mail: MailSink;
  bus: LocalEventBus;
  clock: LocalClock;
  sweep(): Promise<{ raised: number }>;
  ingest(event: HmppsPrisonerEvent): Promise<{ outcome: string; referrals: number }>;
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
const ClockRequest = z.union([
  z.strictObject({ advanceHours: z.number().check(z.gte(-8760), z.lte(8760)) }),
  z.strictObject({ at: z.iso.datetime({ offset: true }) }),
]);

function readJson(body: Buffer): unknown {
  try {
    return body.length ? JSON.parse(body.toString('utf8')) : {};
  } catch {
    return undefined;
  }
}

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
        return sendApiError(response, new MalformedJson('send {"email": "..."} as JSON.'));
      }
      const parsed = TokenRequest.safeParse(input);
      const user = parsed.success ? await parts.users.byEmail(parsed.data.email) : undefined;
      if (!user || user.disabled) {
        return sendApiError(
          response,
          new ValidationFailed('No local user has that email.', {
            email: 'must be the email of a user the local stack knows',
          }),
        );
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
    'POST /_local/sweep': async (_request, response) => {
      sendJson(response, 200, await parts.sweep());
    },
    'GET /_local/clock': async (_request, response) => {
      sendJson(response, 200, { now: parts.clock.now().toISOString() });
    },
    // Moves the stack's clock, so a demo or a browser test can walk a release through 21 days.
    'POST /_local/clock': async (_request, response, _url, body) => {
      const parsed = ClockRequest.safeParse(readJson(body));
      if (!parsed.success) {
        return sendApiError(
          response,
          new ValidationFailed('Send {"advanceHours": n} or {"at": "<ISO time with offset>"}.', {
            body: 'must be {"advanceHours": a number of hours} or {"at": an ISO time with offset}',
          }),
        );
      }
      if ('at' in parsed.data) parts.clock.set(new Date(parsed.data.at));
      else parts.clock.advance(parsed.data.advanceHours * 3_600_000);
      sendJson(response, 200, { now: parts.clock.now().toISOString() });
    },
    // Feeds one HMPPS domain event to the same ingestion the AWS queue feeds.
    'POST /_local/hmpps-events': async (_request, response, _url, body) => {
      const { parseMessage } = await import('../../functions/hmpps-ingest/handler.ts');
      const parsed = parseMessage(body.toString('utf8'));
      if ('reason' in parsed) {
        return sendApiError(
          response,
          new ValidationFailed(`Malformed HMPPS event: ${parsed.reason}`, { body: parsed.reason }),
        );
      }
      sendJson(response, 200, await parts.ingest(parsed.event));
    },
    'GET /_local/failed-mail': async (_request, response) => {
      sendJson(response, 200, { items: parts.bus.failedDeliveries() });
    },
    'POST /_local/failed-mail/retry': async (_request, response) => {
      sendJson(response, 200, { retried: await parts.bus.redrive() });
    },
  };
}
