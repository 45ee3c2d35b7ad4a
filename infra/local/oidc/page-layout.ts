import { escapeHtml } from './html.ts';

/**
 * A compact GOV.UK-like stylesheet, inline so the local stand-in pages never depend on the
 * gateway serving GOV.UK Frontend. Colours are GOV.UK's, which meet WCAG AA contrast on white.
 */
const stylesheet = `
*,*::before,*::after{box-sizing:border-box}
html{background:#f3f2f1;-webkit-text-size-adjust:100%}
body{margin:0;min-height:100vh;background:#fff;color:#0b0c0c;font-family:Arial,Helvetica,sans-serif;font-size:19px;line-height:1.32}
a{color:#1d70b8;text-decoration:underline;text-underline-offset:.1em}
a:visited{color:#4c2c92}
a:hover{color:#003078;text-decoration-thickness:3px}
a:focus{outline:3px solid transparent;color:#0b0c0c;background:#fd0;box-shadow:0 -2px #fd0,0 4px #0b0c0c;text-decoration:none}
.app-visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip-path:inset(50%)!important;border:0!important;white-space:nowrap!important}
.app-skip-link{position:absolute;left:-9999px;padding:10px 15px;font-size:16px}
.app-skip-link:focus{position:static;display:inline-block}
.app-width{max-width:960px;margin:0 15px}
@media (min-width:40.0625em){.app-width{margin:0 30px}}
@media (min-width:1020px){.app-width{margin:0 auto}}
.app-header{background:#0b0c0c;color:#fff;border-bottom:10px solid #1d70b8;padding:10px 0 8px}
.app-header__name{margin:0;font-size:24px;font-weight:700;line-height:1.25}
.app-main{padding:30px 0 60px}
h1{font-size:32px;line-height:1.1;margin:0 0 30px}
@media (min-width:40.0625em){h1{font-size:48px}}
h2{font-size:24px;line-height:1.2;margin:0 0 20px}
p{margin:0 0 20px}
.app-hint{color:#505a5f}
.app-form-group{margin-bottom:30px}
.app-form-group--error{border-left:5px solid #d4351c;padding-left:15px}
.app-label{display:block;font-weight:700;margin-bottom:5px}
.app-error-message{display:block;color:#d4351c;font-weight:700;margin-bottom:15px}
.app-input{display:block;width:100%;max-width:25em;height:40px;margin:0;padding:5px;font:inherit;color:#0b0c0c;border:2px solid #0b0c0c;border-radius:0;background:#fff}
.app-input--error{border-color:#d4351c}
.app-input:focus{outline:3px solid #fd0;outline-offset:0;box-shadow:inset 0 0 0 2px #0b0c0c}
.app-button{display:inline-block;margin:0 0 22px;padding:8px 10px 7px;font:inherit;line-height:1.2;color:#fff;background:#00703c;border:2px solid transparent;border-radius:0;box-shadow:0 2px 0 #002d18;cursor:pointer}
.app-button:hover{background:#005a30}
.app-button:focus{outline:3px solid transparent;color:#0b0c0c;background:#fd0;border-color:#fd0;box-shadow:0 2px 0 #0b0c0c}
.app-error-summary{margin-bottom:30px;padding:15px;border:5px solid #d4351c}
.app-error-summary:focus{outline:3px solid #fd0;outline-offset:0}
.app-error-summary ul{margin:0;padding:0;list-style:none}
.app-error-summary a{color:#d4351c;font-weight:700}
.app-error-summary a:focus{color:#0b0c0c}
.app-inset{margin:0 0 30px;padding:15px;border-left:10px solid #b1b4b6}
.app-mail{margin:0 0 40px;padding-bottom:20px;border-bottom:1px solid #b1b4b6}
.app-mail dl{margin:0 0 20px;display:grid;grid-template-columns:max-content 1fr;gap:5px 20px}
.app-mail dt{font-weight:700}
.app-mail dd{margin:0;overflow-wrap:anywhere}
.app-mail pre{margin:0;padding:15px;background:#f3f2f1;border-left:5px solid #b1b4b6;font-family:Consolas,Menlo,monospace;font-size:16px;white-space:pre-wrap;overflow-wrap:anywhere}
`;

export interface LocalPage {
  /** Page title; prefix with "Error: " when the page shows a validation error. */
  title: string;
  /** Text of the black header bar, e.g. "Continuity (local sign-in)". */
  header: string;
  /** HTML inside <main>; the caller escapes any text it puts there. */
  body: string;
}

/** Renders a complete, accessible HTML page in the GOV.UK-like local style. */
export function renderLocalPage({ title, header, body }: LocalPage): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)}</title>
<style>${stylesheet}</style>
</head>
<body>
<a href="#main-content" class="app-skip-link">Skip to main content</a>
<header class="app-header"><div class="app-width"><p class="app-header__name">${escapeHtml(header)}</p></div></header>
<div class="app-width">
<main class="app-main" id="main-content">
${body}
</main>
</div>
</body>
</html>
`;
}
