import { Button, type ButtonProps } from '@chorus/ui';
import type { ReactNode } from 'react';
import { DownloadIcon } from '../../icons';
import { useTableDownload } from '../../lib/download';
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
  const { busy, error, download } = useTableDownload();
  return (
    <span className="csv-download">
      <Button
        size={size}
        variant={variant}
        icon={<DownloadIcon />}
        loading={busy}
        onClick={() => download(path, filename)}
      >
        {children}
      </Button>
      <FormError error={error} inline />
    </span>
  );
};
