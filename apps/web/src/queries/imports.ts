import {
  importMediaTypes,
  type ImportJobDetail,
  type ImportJobPage,
  type ImportJobStatus,
  type ImportSource,
} from '@chorus/domain/client';
import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { enc, getJson, query, readJson, send } from '../api/request';
import { catalogKey } from './catalog';
import { feedbackKeys } from './feedback-keys';

// Import jobs (admins only, docs/imports.md): the file is uploaded as is, then the job is polled
// until it has finished. Imports are idempotent: the same file twice changes nothing.

const IMPORTS_PATH = '/imports';
const PAGE_SIZE = 20;
/** How often a job that has not finished is read again. */
const POLL_MS = 1_000;

export const isFinished = (status: ImportJobStatus): boolean =>
  status === 'succeeded' || status === 'failed';

export const importKeys = {
  all: ['imports'] as const,
  list: () => [...importKeys.all, 'list'] as const,
  job: (id: string) => [...importKeys.all, 'job', id] as const,
};

/** The error report of a job, below the API's base path: part,row,field,message. */
export const importErrorsCsvPath = (id: string) => `${IMPORTS_PATH}/${enc(id)}/errors.csv`;

export const fetchImportJobs = (
  cursor: string | null,
  signal?: AbortSignal,
): Promise<ImportJobPage> =>
  getJson<ImportJobPage>(`${IMPORTS_PATH}${query({ limit: PAGE_SIZE, cursor })}`, signal);

export const fetchImportJob = (id: string, signal?: AbortSignal): Promise<ImportJobDetail> =>
  getJson<ImportJobDetail>(`${IMPORTS_PATH}/${enc(id)}`, signal);

export type NewImport = { source: ImportSource; dryRun: boolean; file: File };

/**
 * Uploads the file itself as the body, with the media type its source is sent as: a CSV, a
 * Canny export's JSON or a Fider backup's zip go byte for byte, read by the browser from disk.
 */
export const startImport = async ({ source, dryRun, file }: NewImport): Promise<ImportJobDetail> =>
  readJson<ImportJobDetail>(
    await send(`${IMPORTS_PATH}${query({ source, dryRun })}`, {
      method: 'POST',
      rawBody: file,
      headers: { 'Content-Type': importMediaTypes[source][0] ?? 'application/octet-stream' },
    }),
  );

/** The workspace's imports, newest first; read again every second while one is unfinished. */
export const useImportJobs = () =>
  useInfiniteQuery({
    queryKey: importKeys.list(),
    queryFn: ({ pageParam, signal }) => fetchImportJobs(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    refetchInterval: (q) =>
      q.state.data?.pages.some((page) => page.items.some((job) => !isFinished(job.status)))
        ? POLL_MS * 2
        : false,
  });

/** What an import that has applied its file may have changed, read again once it is done. */
const refreshImported = (queryClient: QueryClient) => {
  for (const queryKey of [feedbackKeys.all, catalogKey, ['companies'], ['company'], ['customers']])
    void queryClient.invalidateQueries({ queryKey });
};

/**
 * One job with its progress and problems, polled while it is queued or running. When it ends
 * here (not when a finished one is opened), the list shows it ended, and what a real import
 * changed is read again.
 */
export const useImportJob = (id: string | null) => {
  const queryClient = useQueryClient();
  const job = useQuery({
    queryKey: importKeys.job(id ?? ''),
    queryFn: ({ signal }) => fetchImportJob(id ?? '', signal),
    enabled: id !== null,
    // Until it has finished; a job that could not be read at all (a 404) is not asked again.
    refetchInterval: ({ state }) =>
      state.data
        ? isFinished(state.data.status)
          ? false
          : POLL_MS
        : state.error
          ? false
          : POLL_MS,
    // A background tab still follows the job, so its end is not missed.
    refetchIntervalInBackground: true,
  });
  const seen = useRef<{ id: string; status: ImportJobStatus } | null>(null);
  const current = job.data;
  useEffect(() => {
    if (!current) return;
    const before = seen.current;
    seen.current = { id: current.id, status: current.status };
    if (before?.id !== current.id || isFinished(before.status) || !isFinished(current.status))
      return;
    void queryClient.invalidateQueries({ queryKey: importKeys.list() });
    if (!current.dryRun && current.created + current.updated > 0) refreshImported(queryClient);
  }, [current, queryClient]);
  return job;
};

/** Starts an import; its answer is the queued job, cached so it shows at once. */
export const useStartImport = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startImport,
    onSuccess: (job) => {
      queryClient.setQueryData(importKeys.job(job.id), job);
      void queryClient.invalidateQueries({ queryKey: importKeys.list() });
    },
  });
};
