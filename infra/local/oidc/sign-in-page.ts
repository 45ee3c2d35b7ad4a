import { escapeHtml } from './html.ts';
import { renderLocalPage } from './page-layout.ts';

const header = 'Continuity (local sign-in)';

/** Messages for the sign-in form, keyed by the field they point at. */
export interface SignInErrors {
  email?: string;
  password?: string;
}

export interface SignInPageState {
  /** Where the form posts to. */
  action: string;
  /** The email address typed last time, shown again after an error. The password never is. */
  email?: string;
  errors?: SignInErrors;
}

/** Renders the local sign-in page, with a GOV.UK-style error summary when there are errors. */
export function renderSignInPage({ action, email = '', errors = {} }: SignInPageState): string {
  const problems = (['email', 'password'] as const).flatMap((field) => {
    const message = errors[field];
    return message ? [{ field, message }] : [];
  });
  const summary = problems.length
    ? `<div class="app-error-summary" tabindex="-1" autofocus>
<div role="alert">
<h2>There is a problem</h2>
<ul>${problems.map((p) => `<li><a href="#${p.field}">${escapeHtml(p.message)}</a></li>`).join('')}</ul>
</div>
</div>`
    : '';

  const body = `${summary}
<h1>Sign in to Continuity</h1>
<p class="app-hint app-inset">This is the local stand-in for Amazon Cognito. It knows only the users of this local stack, and they all share one password, which <code>npm start</code> prints when the stack starts.</p>
<form method="post" action="${escapeHtml(action)}" novalidate>
${field({
  id: 'email',
  label: 'Email address',
  type: 'email',
  autocomplete: 'username',
  value: email,
  error: errors.email,
})}
${field({
  id: 'password',
  label: 'Password',
  type: 'password',
  autocomplete: 'current-password',
  value: '',
  error: errors.password,
})}
<button type="submit" class="app-button">Sign in</button>
</form>`;

  return renderLocalPage({ title: `${problems.length ? 'Error: ' : ''}Sign in – Continuity`, header, body });
}

interface FieldOptions {
  id: 'email' | 'password';
  label: string;
  type: 'email' | 'password';
  autocomplete: string;
  value: string;
  error: string | undefined;
}

function field({ id, label, type, autocomplete, value, error }: FieldOptions): string {
  const errorId = `${id}-error`;
  const message = error
    ? `<p class="app-error-message" id="${errorId}"><span class="app-visually-hidden">Error:</span> ${escapeHtml(error)}</p>`
    : '';
  return `<div class="app-form-group${error ? ' app-form-group--error' : ''}">
<label class="app-label" for="${id}">${label}</label>
${message}<input class="app-input${error ? ' app-input--error' : ''}" id="${id}" name="${id}" type="${type}" autocomplete="${autocomplete}" spellcheck="false"${value ? ` value="${escapeHtml(value)}"` : ''}${error ? ` aria-describedby="${errorId}"` : ''}>
</div>`;
}

/** Renders a page that explains a sign-in problem the user cannot fix on this page. */
export function renderSignInProblemPage(
  heading: string,
  paragraphs: string[],
  link?: { href: string; text: string },
): string {
  const body = `<h1>${escapeHtml(heading)}</h1>
${paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n')}
${link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>` : ''}`;
  return renderLocalPage({ title: `${heading} – Continuity`, header, body });
}

/**
 * Renders the sign-out page: oidc-provider hands over a form with its anti-forgery field;
 * the page adds `logout=yes` (end the whole session, as Cognito's logout does) and submits
 * itself, so signing out needs no extra click. The button remains for browsers without scripts.
 */
export function renderSignOutPage(providerForm: string): string {
  const form = providerForm.replace(
    '</form>',
    '<input type="hidden" name="logout" value="yes"><button type="submit" class="app-button">Sign out</button></form>',
  );
  const body = `<h1>Sign out of Continuity</h1>
<p>You are being signed out.</p>
${form}
<script>document.forms[0].submit();</script>`;
  return renderLocalPage({ title: 'Sign out – Continuity', header, body });
}
