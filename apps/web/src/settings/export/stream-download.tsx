import { Button, type ButtonProps } from '@chorus/ui';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { DownloadIcon } from '../../icons';
import { FormError } from '../../lib/form-error';
import { downloadWithProgress, type DownloadProgress, type Downloaded } from '../../queries/export';
import { formatBytes } from '../imports/import-sources';

type State =
  | { step: 'idle' }
  | { step: 'downloading'; progress: DownloadProgress }
  | { step: 'done'; file: Downloaded }
  | { step: 'failed'; error: unknown };

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/**
 * A button that downloads a file the API streams, showing the bytes received as they come (the
 * size of an export is not known before it is made), with a way to stop it.
 */
export const StreamDownload = ({
  path,
  fallbackName,
  variant = 'secondary',
  testId,
  children,
}: {
  /** The contract's path, with the API's base path. */
  path: string;
  fallbackName: string;
  variant?: ButtonProps['variant'];
  testId: string;
  children: ReactNode;
}) => {
  const [state, setState] = useState<State>({ step: 'idle' });
  const controller = useRef<AbortController | null>(null);
  // Leaving the page stops a download still running.
  useEffect(() => () => controller.current?.abort(), []);

  const start = () => {
    const abort = new AbortController();
    controller.current = abort;
    setState({ step: 'downloading', progress: { received: 0, total: null } });
    downloadWithProgress(
      path,
      fallbackName,
      (progress) => setState({ step: 'downloading', progress }),
      abort.signal,
    ).then(
      (file) => setState({ step: 'done', file }),
      (error: unknown) => setState(isAbort(error) ? { step: 'idle' } : { step: 'failed', error }),
    );
  };

  const downloading = state.step === 'downloading';
  const progress = downloading ? state.progress : null;
  const percent = progress?.total
    ? Math.min(100, Math.round((progress.received / progress.total) * 100))
    : null;
  return (
    <div className="stream-download" data-testid={testId} data-step={state.step}>
      <div className="stream-download__row">
        <Button variant={variant} icon={<DownloadIcon />} loading={downloading} onClick={start}>
          {children}
        </Button>
        {downloading && (
          <Button size="sm" variant="ghost" onClick={() => controller.current?.abort()}>
            Cancel<span className="ui-visually-hidden"> the download</span>
          </Button>
        )}
      </div>
      {progress && (
        <div className="import-progress">
          <div
            className={
              percent === null
                ? 'import-progress__track import-progress__track--busy'
                : 'import-progress__track'
            }
            role="progressbar"
            aria-label="Download progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent ?? undefined}
            aria-valuetext={`${formatBytes(progress.received)} received`}
          >
            {percent !== null && (
              <span className="import-progress__fill" style={{ width: `${percent}%` }} />
            )}
          </div>
          <span className="import-progress__text" data-testid={`${testId}-received`}>
            {formatBytes(progress.received)} received
            {progress.total !== null && ` of ${formatBytes(progress.total)}`}
          </span>
        </div>
      )}
      <p className="stream-download__status" role="status">
        {state.step === 'done' &&
          `Saved ${state.file.filename} (${formatBytes(state.file.bytes)}) to your downloads.`}
      </p>
      {state.step === 'failed' && <FormError error={state.error} />}
    </div>
  );
};
