import { z } from 'zod';

/** Runtime settings served at `/config.json` by the local gateway or by the app's bucket in AWS. */
export const AppConfig = z.object({
  authority: z.string().min(1),
  clientId: z.string().min(1),
  scope: z.string().default('openid email profile'),
  apiBase: z.string().default('/api'),
  environment: z.enum(['local', 'aws']).default('aws'),
  logoutUrl: z.string().optional(),
  mailPage: z.string().optional(),
});
export type AppConfig = z.infer<typeof AppConfig>;

/** Fetches and checks `/config.json`; the app cannot start without it. */
export async function loadConfig(): Promise<AppConfig> {
  const response = await fetch('/config.json', {
    headers: { accept: 'application/json' },
    cache: 'no-store',
  });
  if (!response.ok) throw new Error(`/config.json answered ${response.status}`);
  return AppConfig.parse(await response.json());
}
