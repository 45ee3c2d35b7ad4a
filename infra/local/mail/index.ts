export { renderMailPage } from './mail-page.ts';
export { startMailSink } from './mail-sink.ts';
export { MAIL_KEPT } from './mail-store.ts';
export type { MailSink, MailSinkOptions, SentMail } from './types.ts';
