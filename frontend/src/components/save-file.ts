/**
 * Saves a fetched file through a temporary link to an object URL: the API needs the bearer
 * token, so a plain link to it cannot download it.
 */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a little later: some browsers start the download only after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
