// Side-effect imports of stylesheets are handled by Vite; TypeScript only needs to know they exist.
declare module '*.css';

// GOV.UK Frontend ships no type declarations; only what the app calls is declared here.
declare module 'govuk-frontend' {
  /** Initialises every GOV.UK Frontend component found under `scope` (or the whole document). */
  export function initAll(config?: {
    scope?: Element | Document | null;
    onError?: (error: unknown) => void;
  }): void;
}
