import { Button, type ButtonProps } from '@chorus/ui';
import { useState, type ReactNode } from 'react';
import { downloadTable } from '../../dashboards/dashboard-api';
import { DownloadIcon } from '../../icons';
import { FormError } from '../../lib/form-error';

/**
 * Saves a CSV the API makes, fetched with the person's credentials (the audit trail's and the
 * dashboards' helper), with its failure beside the button.
 */
export const CsvDownloadButton = ({
  path,
  filename,
  children,
  size = 'sm',
  variant = 'secondary',
}: {
  /** Below the API's base path. */
  path: string;
  filename: string;
  children: ReactNode;
  size?: ButtonProps['size'];
  variant?: ButtonProps['variant'];
}) => {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <span className="csv-download">
      <Button
        size={size}
        variant={variant}
        icon={<DownloadIcon />}
        loading={busy}
        onClick={() => {
          setBusy(true);
          setError(null);
          downloadTable(path, filename).then(
            () => setBusy(false),
            (failure: unknown) => {
              setBusy(false);
              setError(failure);
            },
          );
        }}
      >
        {children}
      </Button>
      <FormError error={error} inline />
    </span>
  );
};
