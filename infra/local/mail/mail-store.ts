import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SentMail } from './types.ts';

/** How many messages are kept; older ones drop off the list and out of the file. */
export const MAIL_KEPT = 500;

/** The sink's list of mail, newest first, optionally mirrored to a JSON-lines file. */
export class MailStore {
  private items: SentMail[] = [];

  /** Loads what `dataFile` holds (when given), trimming it to the newest {@link MAIL_KEPT}. */
  constructor(private readonly dataFile?: string) {
    if (!dataFile) return;
    mkdirSync(dirname(dataFile), { recursive: true });
    const lines = readLines(dataFile);
    const parsed = lines.flatMap((line) => {
      const mail = parseMail(line);
      return mail ? [mail] : [];
    });
    const kept = parsed.slice(-MAIL_KEPT);
    this.items = kept.reverse();
    // Compact the file when it has grown past the cap or holds lines that are not mail.
    if (kept.length !== lines.length) this.rewrite();
  }

  /** Newest first; a copy, so callers cannot change the store. */
  list(): SentMail[] {
    return this.items.map((mail) => ({ ...mail, to: [...mail.to] }));
  }

  /** Puts a message at the top of the list and appends it to the data file. */
  add(mail: SentMail): void {
    this.items.unshift(mail);
    if (this.items.length > MAIL_KEPT) this.items.length = MAIL_KEPT;
    // Synchronous, so appends and clear() cannot interleave.
    if (this.dataFile) appendFileSync(this.dataFile, `${JSON.stringify(mail)}\n`, { mode: 0o600 });
  }

  /** Forgets every message, in memory and in the data file. */
  clear(): void {
    this.items = [];
    if (this.dataFile) writeFileSync(this.dataFile, '', { mode: 0o600 });
  }

  private rewrite(): void {
    if (!this.dataFile) return;
    const oldestFirst = [...this.items].reverse();
    writeFileSync(this.dataFile, oldestFirst.map((mail) => `${JSON.stringify(mail)}\n`).join(''), {
      mode: 0o600,
    });
  }
}

function readLines(file: string): string[] {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function parseMail(line: string): SentMail | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const mail = value as Record<string, unknown>;
  const strings = ['id', 'from', 'subject', 'text', 'sentAt'] as const;
  if (!strings.every((key) => typeof mail[key] === 'string')) return undefined;
  if (!Array.isArray(mail.to) || !mail.to.every((address) => typeof address === 'string')) return undefined;
  return {
    id: mail.id as string,
    from: mail.from as string,
    to: mail.to as string[],
    subject: mail.subject as string,
    text: mail.text as string,
    sentAt: mail.sentAt as string,
  };
}
