import { IMPORT_MAX_BYTES, type ImportSource } from '@chorus/domain/client';
import { Button, Card, cx } from '@chorus/ui';
import { useId, useRef, useState } from 'react';
import { describeError, ProblemError } from '../../api/problem-error';
import { DownloadIcon } from '../../icons';
import { updateSearchParams, useSearchParam } from '../../lib/url-state';
import { useCatalogOrDefault } from '../../queries/catalog';
import { saveBlob } from '../../lib/download';
import { useStartImport } from '../../queries/imports';
import { FilePicker } from './file-picker';
import { ImportJobPanel } from './import-job';
import {
  acceptOf,
  exampleCsv,
  fileProblem,
  formatBytes,
  isCsvSource,
  sourceInfo,
  sourceOptions,
  type CsvColumn,
} from './import-sources';
import { RecentImports } from './recent-imports';

/** The query parameter naming the import on screen, so it survives a reload and can be shared. */
const JOB_PARAM = 'job';

/** Each source as a radio with its one-line description; arrow keys move between them. */
const SourceChoice = ({
  value,
  disabled,
  onChange,
}: {
  value: ImportSource;
  disabled: boolean;
  onChange: (source: ImportSource) => void;
}) => {
  const name = useId();
  return (
    <fieldset className="import-sources" disabled={disabled}>
      <legend className="import-sources__legend">What to import</legend>
      {sourceOptions.map((option) => {
        const id = `${name}-${option.value}`;
        return (
          <label
            key={option.value}
            className={cx('import-source', option.value === value && 'import-source--checked')}
          >
            <input
              type="radio"
              className="import-source__input"
              name={name}
              value={option.value}
              checked={option.value === value}
              aria-labelledby={`${id}-label`}
              aria-describedby={`${id}-description`}
              onChange={() => onChange(option.value)}
            />
            <span id={`${id}-label`} className="import-source__label">
              {option.label}
            </span>
            <span id={`${id}-description`} className="import-source__description">
              {sourceInfo[option.value].description}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
};

/** The columns a CSV source reads, and an example file made for this workspace. */
const CsvColumns = ({
  label,
  columns,
  note,
  onExample,
}: {
  label: string;
  columns: readonly CsvColumn[];
  note: string | undefined;
  onExample: () => void;
}) => (
  <section className="import-columns" aria-label={`Columns of ${label}`}>
    <div className="import-columns__head">
      <p className="import-columns__lead">
        The first row names the columns, in any order; unknown columns are refused. Each row is
        matched by its id, so a row already imported is skipped.
      </p>
      <Button size="sm" icon={<DownloadIcon />} onClick={onExample}>
        Download an example
      </Button>
    </div>
    <table className="table import-columns__table">
      <caption className="ui-visually-hidden">Columns of {label}</caption>
      <thead>
        <tr>
          <th scope="col">Column</th>
          <th scope="col">What it holds</th>
        </tr>
      </thead>
      <tbody>
        {columns.map((column) => (
          <tr key={column.name}>
            <th scope="row">
              <code>{column.name}</code>
              {column.required && <span className="import-columns__required"> required</span>}
            </th>
            <td>{column.what}</td>
          </tr>
        ))}
      </tbody>
    </table>
    {note && <p className="import-columns__note">{note}</p>}
  </section>
);

/** The problem of a refused upload, with the fields it names (a column, the source…). */
const StartError = ({ error }: { error: unknown }) => {
  const fieldErrors = error instanceof ProblemError ? error.fieldErrors : [];
  return (
    <div className="form-error form-error--block" role="alert">
      <p>
        {error instanceof ProblemError && error.status === 413
          ? `The file is too large: an import takes at most ${formatBytes(IMPORT_MAX_BYTES)}. Split it into smaller files.`
          : describeError(error)}
      </p>
      {fieldErrors.length > 0 && (
        <ul>
          {fieldErrors.map((fieldError) => (
            <li key={`${fieldError.field}:${fieldError.message}`}>{fieldError.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
};

/**
 * Settings → Import (admins): a file from another tool (CSV, a Canny export, a Fider backup) is
 * checked with a dry run, then imported as a background job whose progress, counts and
 * problems show here. Imports are idempotent: the same file twice changes nothing.
 */
const ImportSettings = () => {
  const catalog = useCatalogOrDefault();
  const [source, setSource] = useState<ImportSource>('csv-feedback');
  const [file, setFile] = useState<File | null>(null);
  const start = useStartImport();
  const jobId = useSearchParam(JOB_PARAM);
  const jobRef = useRef<HTMLDivElement>(null);
  const info = sourceInfo[source];
  const problem = file ? fileProblem(source, file) : null;
  const ready = file !== null && problem === null;

  const openJob = (id: string | null) => {
    updateSearchParams({ [JOB_PARAM]: id }, 'push');
    if (id) {
      // Once it is shown: the panel is above the list the person may have scrolled down.
      window.requestAnimationFrame(() =>
        jobRef.current?.scrollIntoView({ behavior: 'smooth', block: 'nearest' }),
      );
    }
  };
  const run = (dryRun: boolean) => {
    if (!file || !ready) return;
    start.mutate({ source, dryRun, file }, { onSuccess: (job) => openJob(job.id) });
  };

  return (
    <div className="settings imports">
      <Card className="import-form">
        <div>
          <h2 className="card__title">Import</h2>
          <p className="detail__muted">
            Bring feedback, votes, customers and companies over from a spreadsheet, Canny or Fider.
            Check the file with a dry run first: it counts what would change and lists every
            problem, without changing anything. Records with a problem are left out; the others are
            imported.
          </p>
        </div>
        <SourceChoice
          value={source}
          disabled={start.isPending}
          onChange={(next) => {
            setSource(next);
            start.reset();
          }}
        />
        {isCsvSource(source) && info.columns && (
          <CsvColumns
            label={info.label}
            columns={info.columns}
            note={info.columnsNote}
            onExample={() =>
              saveBlob(
                new Blob([exampleCsv(source, catalog)], { type: 'text/csv;charset=utf-8' }),
                `${source.slice('csv-'.length)}-example.csv`,
              )
            }
          />
        )}
        <FilePicker
          file={file}
          problem={problem}
          accept={acceptOf(source)}
          fileKind={info.fileKind}
          onFile={(chosen) => {
            setFile(chosen);
            start.reset();
          }}
        />
        <div className="import-form__actions">
          <Button
            disabled={!ready}
            loading={start.isPending && start.variables.dryRun}
            onClick={() => run(true)}
          >
            Check first (dry run)
          </Button>
          <Button
            variant="primary"
            disabled={!ready}
            loading={start.isPending && !start.variables.dryRun}
            onClick={() => run(false)}
          >
            Import
          </Button>
          <span className="import-form__hint">
            {file ? `${info.label}, ${formatBytes(file.size)}` : 'Choose a file first.'}
          </span>
        </div>
        {start.isError && <StartError error={start.error} />}
        <p className="import-form__note">
          Running an import again changes nothing: every record is matched by its id in the source,
          so what is already here is skipped, and only what changed in the file is updated.
        </p>
      </Card>
      {jobId && (
        <ImportJobPanel key={jobId} id={jobId} panelRef={jobRef} onClose={() => openJob(null)} />
      )}
      <RecentImports openId={jobId} onOpen={openJob} />
    </div>
  );
};

export default ImportSettings;
