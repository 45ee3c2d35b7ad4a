import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { MailStore } from './mail-store.ts';
import type { MailSink, MailSinkOptions, SentMail } from './types.ts';

/** Larger than any notification the service sends; a bigger message is refused, not stored. */
const maxMessageBytes = 5 * 1024 * 1024;

/**
 * Starts the local stand-in for SES: an SMTP server on 127.0.0.1 only, with no TLS and no
 * authentication (it is reachable from this machine alone), that keeps every message it
 * receives instead of delivering it.
 */
export async function startMailSink(options: MailSinkOptions = {}): Promise<MailSink> {
  const store = new MailStore(options.dataFile);

  const server = new SMTPServer({
    banner: 'Continuity local mail sink',
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    size: maxMessageBytes,
    logger: false,
    closeTimeout: 2000,
    onData(stream, session, callback) {
      receive(stream, session).then(
        (mail) => {
          store.add(mail);
          callback();
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error('message could not be read')),
      );
    },
  });
  // A broken client connection must not take the stack down; the sink keeps listening.
  server.on('error', () => {});

  const port = await new Promise<number>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve((server.server.address() as AddressInfo).port);
    });
  });

  return {
    smtpUrl: `smtp://127.0.0.1:${port}`,
    list: () => store.list(),
    clear: () => store.clear(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<SentMail> {
  const parsed = await simpleParser(stream);
  if (stream.sizeExceeded) {
    throw Object.assign(new Error(`Message exceeds the sink's limit of ${maxMessageBytes} bytes`), {
      responseCode: 552,
    });
  }
  const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
  return {
    id: randomUUID(),
    from: parsed.from?.value[0]?.address ?? envelopeFrom,
    // The envelope, not the headers: it names everyone the message went to, Bcc included.
    to: session.envelope.rcptTo.map((recipient) => recipient.address),
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    sentAt: new Date().toISOString(),
  };
}
