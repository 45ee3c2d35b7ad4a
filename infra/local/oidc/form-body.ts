import type { IncomingMessage } from 'node:http';

/** A sign-in form is a few hundred bytes; anything much larger is not one. */
const maxFormBytes = 16 * 1024;

/** Reads an `application/x-www-form-urlencoded` request body; rejects other types and large bodies. */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    throw new FormError(415, 'expected an application/x-www-form-urlencoded form');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxFormBytes) throw new FormError(413, `form larger than ${maxFormBytes} bytes`);
    chunks.push(buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** A form the sign-in page can never have sent; answered with its status, not a 500. */
export class FormError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'FormError';
  }
}
