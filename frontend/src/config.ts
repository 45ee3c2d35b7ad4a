import * as z from '../../shared/schemas/zod.ts';

/** Runtime settings served at `/config.json` by the local gateway or by the app's bucket in AWS. */
export const AppConfig = z.object({
  authority: z.string().check(z.minLength(1)),
  clientId: z.string().check(z.minLength(1)),
  scope: z._default(z.string(), 'openid email profile'),
  apiBase: z._default(z.string(), '/api'),
  environment: z._default(z.enum(['local', 'aws']), 'aws'),
  logoutUrl: z.optional(z.string()),
  mailPage: z.optional(z.string()),
});
export type AppConfig = z.output<typeof AppConfig>;

/** Fetches and checks `/config.json`; the app cannot start without it. */
export async function loadConfig(): Promise<AppConfig> {
  const response = await fetch('/config.json', {
    headers: { accept: 'application/json' },
    cache: 'no-store',
  });
  if (!response.ok) throw new Error(`/config.json answered ${response.status}`);
  return AppConfig.parse(await response.json());
}
