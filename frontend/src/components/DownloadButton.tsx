import { type ReactNode, useState } from 'react';
import type { DownloadedFile } from '../api/client.ts';
import { ApiError } from '../api/errors.ts';
import { saveFile } from './save-file.ts';

/**
 * A button that fetches a file from the API (which needs the bearer token, so a plain link
 * cannot) and saves it; says so if the download failed.
 */
export function DownloadButton({
  children,
  download,
  filename,
  secondary = true,
}: {
  children: ReactNode;
  download: () => Promise<DownloadedFile>;
  /** The name to save under when the API does not suggest one. */
  filename: string;
  secondary?: boolean;
}) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string>();
  const onClick = async () => {
    if (busy) return;
    setBusy(true);
    setFailed(undefined);
    try {
      const file = await download();
      saveFile(file.blob, file.filename ?? filename);
    } catch (error) {
      // A 401 ends the session; the sign-in page says so.
      if (error instanceof ApiError && error.status === 401) return;
      setFailed(
        error instanceof ApiError && error.status === 0
          ? error.message
          : 'The file could not be downloaded. Try again later.',
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {failed && (
        <p className="govuk-error-message" role="alert">
          <span className="govuk-visually-hidden">Error:</span> {failed}
        </p>
      )}
      <button
        type="button"
        className={`govuk-button${secondary ? ' govuk-button--secondary' : ''}`}
        data-module="govuk-button"
        aria-disabled={busy ? 'true' : undefined}
        onClick={onClick}
      >
        {children}
      </button>
    </>
  );
}
