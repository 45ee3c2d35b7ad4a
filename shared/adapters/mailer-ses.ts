import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { AdapterFactory } from './deps.ts';
import type { Mailer } from './ports.ts';

/** Sends mail with SES v2 from the verified `from` identity. */
export function sesMailer(from: string, client = new SESv2Client({})): Mailer {
  return {
    async send(mail) {
      const result = await client.send(
        new SendEmailCommand({
          FromEmailAddress: from,
          Destination: { ToAddresses: mail.to },
          Content: {
            Simple: {
              Subject: { Data: mail.subject, Charset: 'UTF-8' },
              Body: { Text: { Data: mail.text, Charset: 'UTF-8' } },
            },
          },
        }),
      );
      return { messageId: result.MessageId ?? '' };
    },
  };
}

/** The mailer of an AWS function: SES, from the service's verified identity. */
export const sesMail: AdapterFactory<Mailer> = ({ config }) => sesMailer(config.MAIL_FROM);
