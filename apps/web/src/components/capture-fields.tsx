import { feedbackSourceLabels, feedbackSources } from '@chorus/domain/client';
import { Select, TextArea } from '@chorus/ui';
import type { FeedbackSourceName } from '../api/types';
import { AsyncPicker, type PickerOption } from './async-picker';
import { searchCustomerOptions } from './pickers';

export const sourceOptions = feedbackSources.map((source) => ({
  value: source,
  label: feedbackSourceLabels[source],
}));

/**
 * What a teammate records when capturing feedback or a vote for a customer: who, through which
 * channel, and their words.
 */
export const CaptureFields = ({
  customer,
  onCustomerChange,
  customerError,
  source,
  onSourceChange,
  quote,
  onQuoteChange,
  quoteError,
  autoFocus = false,
}: {
  customer: PickerOption | null;
  onCustomerChange: (customer: PickerOption | null) => void;
  customerError?: string | undefined;
  source: FeedbackSourceName;
  onSourceChange: (source: FeedbackSourceName) => void;
  quote: string;
  onQuoteChange: (quote: string) => void;
  quoteError?: string | undefined;
  autoFocus?: boolean;
}) => (
  <>
    <AsyncPicker
      label="Customer"
      placeholder="Search by name or email"
      queryKey="customers"
      search={searchCustomerOptions}
      value={customer}
      autoFocus={autoFocus}
      error={customerError}
      onChange={onCustomerChange}
    />
    <Select
      label="Where they asked"
      value={source}
      options={sourceOptions}
      onChange={(event) =>
        onSourceChange(feedbackSources.find((s) => s === event.target.value) ?? 'sales_call')
      }
    />
    <TextArea
      label="Quote"
      rows={2}
      aside="Optional"
      placeholder="What they said, in their words"
      value={quote}
      error={quoteError}
      onChange={(event) => onQuoteChange(event.target.value)}
    />
  </>
);
