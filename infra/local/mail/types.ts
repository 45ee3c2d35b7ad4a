/** One message the local mail sink received. */
export interface SentMail {
  id: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  /** ISO 8601, when the sink received the message. */
  sentAt: string;
}

/** The local stand-in for SES: an SMTP server on 127.0.0.1 that keeps what it is sent. */
export interface MailSink {
  /** smtp://127.0.0.1:<port> */
  smtpUrl: string;
  /** Newest first. */
  list(): SentMail[];
  clear(): void;
  close(): Promise<void>;
}

export interface MailSinkOptions {
  /** A JSON-lines file the mail is appended to and reloaded from, so it survives restarts. */
  dataFile?: string;
  /** Port to listen on; 0 or absent picks a free one. */
  port?: number;
}
