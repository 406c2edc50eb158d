import { EXPORT_PATHS, type ExportReadModels } from '@chorus/domain/client';
import { useQuery } from '@tanstack/react-query';
import { ProblemError } from '../api/problem-error';
import { getJson, send } from '../api/request';
import { saveBlob } from '../lib/download';

// The workspace export (admins only, docs/export.md): every file is streamed by the API and
// fetched with the person's credentials, so a plain link (which would go without them) is
// never used.

/** The contract's paths start with the API's base path, which `send` adds itself. */
export const apiPath = (path: string): string => path.replace(/^\/api\/v1(?=\/)/, '');

export const fetchReadModels = (signal?: AbortSignal): Promise<ExportReadModels> =>
  getJson<ExportReadModels>(apiPath(EXPORT_PATHS.readModels), signal);

/** The tables change only with a new release of Chorus. */
export const useReadModelTables = () =>
  useQuery({
    queryKey: ['export', 'read-models'],
    queryFn: ({ signal }) => fetchReadModels(signal),
    staleTime: Infinity,
  });

/** The name the API gives the file (`attachment; filename="…"`), if it gives one. */
const filenameOf = (response: Response): string | null =>
  /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? null;

/** The connection broke, or the API stopped, after the file had started to arrive. */
const interrupted = () =>
  new ProblemError({
    type: 'about:blank',
    title: 'Download interrupted',
    status: 0,
    detail: 'The download stopped before the whole file had arrived. Try again.',
  });

export type DownloadProgress = {
  received: number;
  /** Null when the size is not known ahead: the export is streamed as it is made. */
  total: number | null;
};

export type Downloaded = { filename: string; bytes: number };

/**
 * Downloads a file the API streams, reporting the bytes as they arrive, then saves it under the
 * name the API gives it (or `fallbackName`). Aborting `signal` stops it; problems come back as a
 * ProblemError, like every other call.
 */
export const downloadWithProgress = async (
  path: string,
  fallbackName: string,
  onProgress: (progress: DownloadProgress) => void,
  signal: AbortSignal,
): Promise<Downloaded> => {
  const response = await send(apiPath(path), {
    signal,
    headers: { Accept: '*/*' },
  });
  const length = Number(response.headers.get('Content-Length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const chunks: BlobPart[] = [];
  let received = 0;
  onProgress({ received, total });
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read().catch((error: unknown) => {
        if (signal.aborted) throw error;
        throw interrupted();
      });
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      onProgress({ received, total });
    }
  } else {
    const whole = await response.arrayBuffer();
    chunks.push(whole);
    received = whole.byteLength;
    onProgress({ received, total });
  }
  const filename = filenameOf(response) ?? fallbackName;
  const type = response.headers.get('Content-Type') ?? 'application/octet-stream';
  saveBlob(new Blob(chunks, { type }), filename);
  return { filename, bytes: received };
};
