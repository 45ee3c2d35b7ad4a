import { escapeHtml } from '../oidc/html.ts';
import { renderLocalPage } from '../oidc/page-layout.ts';
import type { SentMail } from './types.ts';

const sentAtFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'long',
  timeStyle: 'medium',
  timeZone: 'Europe/London',
});

/** Renders the page that lists the mail the local stack has sent, newest first, every text escaped. */
export function renderMailPage(items: SentMail[]): string {
  const newestFirst = [...items].sort((a, b) => b.sentAt.localeCompare(a.sentAt));
  const list = newestFirst.length
    ? newestFirst.map(renderMail).join('\n')
    : '<p>No mail has been sent yet.</p>';
  const body = `<h1>Sent mail (local)</h1>
<p class="app-hint">Mail the local stack has sent, newest first. In AWS this mail is sent through Amazon SES; here it stays on this page.</p>
${list}`;
  return renderLocalPage({
    title: 'Sent mail (local) – Continuity',
    header: 'Continuity (local mail)',
    body,
  });
}

function renderMail(mail: SentMail, index: number): string {
  const headingId = `mail-${index + 1}`;
  const sentAt = new Date(mail.sentAt);
  const when = Number.isNaN(sentAt.getTime()) ? mail.sentAt : sentAtFormat.format(sentAt);
  return `<article class="app-mail" aria-labelledby="${headingId}">
<h2 id="${headingId}">${escapeHtml(mail.subject || '(no subject)')}</h2>
<dl>
<dt>To</dt><dd>${escapeHtml(mail.to.join(', '))}</dd>
<dt>From</dt><dd>${escapeHtml(mail.from)}</dd>
<dt>Sent</dt><dd><time datetime="${escapeHtml(mail.sentAt)}">${escapeHtml(when)}</time></dd>
</dl>
<pre>${escapeHtml(mail.text)}</pre>
</article>`;
}
