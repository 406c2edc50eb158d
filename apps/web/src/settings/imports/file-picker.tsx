import { cx } from '@chorus/ui';
import { useId, useState, type DragEvent } from 'react';
import { UploadIcon } from '../../icons';
import { formatBytes } from './import-sources';

/**
 * The file to import: chosen with the picker (a real file input, so the keyboard and screen
 * readers work as everywhere) or dropped anywhere on the zone. The parent checks it.
 */
export const FilePicker = ({
  file,
  problem,
  accept,
  fileKind,
  onFile,
}: {
  file: File | null;
  /** Why the chosen file cannot be imported, shown under it. */
  problem: string | null;
  accept: string;
  /** "a CSV file", for the zone's words. */
  fileKind: string;
  onFile: (file: File | null) => void;
}) => {
  const id = useId();
  const [over, setOver] = useState(false);
  const [dropProblem, setDropProblem] = useState<string | null>(null);
  const shown = dropProblem ?? problem;

  const choose = (files: FileList | null) => {
    setDropProblem(null);
    onFile(files?.[0] ?? null);
  };
  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (event.dataTransfer.files.length > 1) {
      setDropProblem('Drop one file at a time.');
      return;
    }
    choose(event.dataTransfer.files);
  };

  return (
    <div
      className={cx(
        'import-drop',
        over && 'import-drop--over',
        shown && 'import-drop--invalid',
        file && !shown && 'import-drop--chosen',
      )}
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="import-drop"
    >
      <span className="import-drop__icon" aria-hidden="true">
        <UploadIcon />
      </span>
      {file ? (
        <p className="import-drop__file" data-testid="import-file">
          <span className="import-drop__name">{file.name}</span>{' '}
          <span className="import-drop__size">{formatBytes(file.size)}</span>
        </p>
      ) : (
        <p className="import-drop__prompt">Drop {fileKind} here, or</p>
      )}
      <input
        id={id}
        className="import-drop__input"
        type="file"
        accept={accept}
        aria-invalid={shown ? true : undefined}
        aria-describedby={shown ? `${id}-problem` : undefined}
        onChange={(event) => {
          choose(event.target.files);
          // Choosing the same file again (after fixing it) must be seen as a change too.
          event.target.value = '';
        }}
      />
      <label className="ui-button ui-button--secondary ui-button--sm" htmlFor={id}>
        Choose a file
      </label>
      {shown && (
        <p id={`${id}-problem`} className="ui-field__error import-drop__problem" role="alert">
          {shown}
        </p>
      )}
    </div>
  );
};
