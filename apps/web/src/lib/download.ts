import { useState } from 'react';
import { send } from '../api/request';

/** Hands a file to the browser's downloads. */
export const saveBlob = (blob: Blob, filename: string): void => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // Revoked on the next task: the click has handed the file to the browser's download by then.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
};

/**
 * Downloads a table with the person's credentials: a plain link would reach the API without
 * them. Problems come back as a ProblemError, like every other call.
 */
export const downloadTable = async (path: string, filename: string): Promise<void> => {
  const response = await send(path, {
    headers: { Accept: 'text/csv, application/problem+json' },
  });
  saveBlob(await response.blob(), filename);
};

/** A table's download from a button or link: whether it is under way, and why it failed. */
export const useTableDownload = () => {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const download = (path: string, filename: string) => {
    setBusy(true);
    setError(null);
    downloadTable(path, filename).then(
      () => setBusy(false),
      (failure: unknown) => {
        setBusy(false);
        setError(failure);
      },
    );
  };
  return { busy, error, download };
};
