import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type MailSink, renderMailPage, type SentMail, startMailSink } from '../../infra/local/mail/index.ts';

let dir: string;
const sinks: MailSink[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'local-mail-'));
});

afterEach(async () => {
  await Promise.all(sinks.splice(0).map((sink) => sink.close()));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function start(options?: Parameters<typeof startMailSink>[0]): Promise<MailSink> {
  const sink = await startMailSink(options);
  sinks.push(sink);
  return sink;
}

async function send(sink: MailSink, message: SendMailOptions): Promise<void> {
  const transport = nodemailer.createTransport(sink.smtpUrl);
  try {
    await transport.sendMail(message);
  } finally {
    transport.close();
  }
}

describe('local mail sink', () => {
  it('listens on 127.0.0.1 and keeps what nodemailer sends, two recipients and a UTF-8 subject included', async () => {
    const sink = await start();
    expect(sink.smtpUrl).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
    expect(sink.list()).toEqual([]);

    await send(sink, {
      from: 'Continuity <no-reply@continuity.local>',
      to: ['area-team@example.test', 'Second Person <second@example.test>'],
      subject: 'Missed appointment – Salford – case CR-0042 ✓',
      text: 'A first appointment was missed.\nOpen the case: http://localhost:3000/cases/CR-0042',
    });

    const [mail, ...rest] = sink.list();
    expect(rest).toEqual([]);
    expect(mail).toMatchObject({
      from: 'no-reply@continuity.local',
      to: ['area-team@example.test', 'second@example.test'],
      subject: 'Missed appointment – Salford – case CR-0042 ✓',
    });
    expect(mail?.text.trim()).toBe(
      'A first appointment was missed.\nOpen the case: http://localhost:3000/cases/CR-0042',
    );
    expect(mail?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(mail?.sentAt ?? '')).not.toBeNaN();
  });

  it('lists newest first and clears', async () => {
    const sink = await start();
    await send(sink, { from: 'a@example.test', to: 'b@example.test', subject: 'first', text: 'one' });
    await send(sink, { from: 'a@example.test', to: 'b@example.test', subject: 'second', text: 'two' });
    expect(sink.list().map((mail) => mail.subject)).toEqual(['second', 'first']);
    sink.clear();
    expect(sink.list()).toEqual([]);
  });

  it('refuses a message over the size limit', async () => {
    const sink = await start();
    const transport = nodemailer.createTransport(sink.smtpUrl);
    await expect(
      transport.sendMail({
        from: 'a@example.test',
        to: 'b@example.test',
        subject: 'big',
        text: 'x'.repeat(6 * 1024 * 1024),
      }),
    ).rejects.toThrow();
    transport.close();
    expect(sink.list()).toEqual([]);
  });

  it('keeps the mail across a restart with the same data file, and clear empties the file', async () => {
    const dataFile = join(dir, 'nested', 'mail.jsonl');
    const first = await start({ dataFile });
    await send(first, {
      from: 'a@example.test',
      to: ['b@example.test', 'c@example.test'],
      subject: 'Größe',
      text: 'kept',
    });
    await send(first, { from: 'a@example.test', to: 'b@example.test', subject: 'later', text: 'also kept' });
    const before = first.list();
    await first.close();
    sinks.splice(sinks.indexOf(first), 1);

    const second = await start({ dataFile });
    expect(second.list()).toEqual(before);
    expect(second.list().map((mail) => mail.subject)).toEqual(['later', 'Größe']);

    second.clear();
    expect(await readFile(dataFile, 'utf8')).toBe('');
    await second.close();
    sinks.splice(sinks.indexOf(second), 1);
    const third = await start({ dataFile });
    expect(third.list()).toEqual([]);
  });

  it('skips lines of the data file that are not mail', async () => {
    const dataFile = join(dir, 'damaged.jsonl');
    const good: SentMail = {
      id: '1',
      from: 'a@example.test',
      to: ['b@example.test'],
      subject: 's',
      text: 't',
      sentAt: '2026-01-01T00:00:00.000Z',
    };
    await writeFile(dataFile, `not json\n${JSON.stringify(good)}\n{"id":2}\n`);
    const sink = await start({ dataFile });
    expect(sink.list()).toEqual([good]);
    expect(await readFile(dataFile, 'utf8')).toBe(`${JSON.stringify(good)}\n`);
  });
});

describe('mail page', () => {
  const mail: SentMail = {
    id: 'm1',
    from: 'no-reply@continuity.local',
    to: ['x@example.test', 'y@example.test'],
    subject: '<script>alert("subject")</script>',
    text: 'Hello <script>alert(1)</script> & goodbye',
    sentAt: '2026-03-01T09:30:00.000Z',
  };

  it('escapes every text and lists recipients, subject, time and text', () => {
    const html = renderMailPage([mail]);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;subject&quot;)&lt;/script&gt;');
    expect(html).toContain('<pre>Hello &lt;script&gt;alert(1)&lt;/script&gt; &amp; goodbye</pre>');
    expect(html).toContain('x@example.test, y@example.test');
    expect(html).toContain('<time datetime="2026-03-01T09:30:00.000Z">1 March 2026 at 09:30:00</time>');
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/<main[^>]*>/);
    expect(html).toContain('<h1>Sent mail (local)</h1>');
  });

  it('lists newest first', () => {
    const older = { ...mail, id: 'm0', subject: 'older', sentAt: '2026-02-01T09:30:00.000Z' };
    const html = renderMailPage([older, { ...mail, subject: 'newer' }]);
    expect(html.indexOf('newer')).toBeLessThan(html.indexOf('older'));
  });

  it('says when no mail has been sent', () => {
    expect(renderMailPage([])).toContain('No mail has been sent yet.');
  });
});
