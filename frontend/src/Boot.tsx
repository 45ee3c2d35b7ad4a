import { useEffect, useState } from 'react';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App.tsx';
import { SessionProvider } from './auth/SessionProvider.tsx';
import { type AppConfig, loadConfig } from './config.ts';

/** Loads `/config.json`, then starts the app; without it nothing can work, so say so plainly. */
export function Boot() {
  const [config, setConfig] = useState<AppConfig>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    loadConfig().then(setConfig, () => setFailed(true));
  }, []);

  if (failed) {
    return (
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content">
          <h1 className="govuk-heading-l">Sorry, there is a problem with the service</h1>
          <p className="govuk-body">Continuity could not start. Try again later.</p>
        </main>
      </div>
    );
  }
  if (!config) return null;
  return (
    <BrowserRouter>
      <SessionProvider config={config}>
        <App />
      </SessionProvider>
    </BrowserRouter>
  );
}
