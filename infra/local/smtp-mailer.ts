import nodemailer from 'nodemailer';
import type { Mailer } from '../../shared/adapters/ports.ts';

/** Sends mail over SMTP: in the local stack, to its mail sink. */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      const info = await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
      return { messageId: info.messageId };
    },
  };
}
