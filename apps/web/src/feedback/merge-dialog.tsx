import { Button, Dialog, ErrorState, Spinner, TextField } from '@chorus/ui';
import { useId, useState } from 'react';
import { describeError } from '../api/problem-error';
import type { FeedbackItem, MergePreview } from '../api/types';
import { FeedbackStatusBadge } from '../catalog/catalog-ui';
import { formatMoney, plural } from '../lib/format';
import { useDebounced } from '../lib/use-debounced';
import { useMerge } from '../queries/feedback-mutations';
import { useMergePreview, useSearch } from '../queries/feedback-queries';

type MergeDialogProps = {
  item: FeedbackItem;
  open: boolean;
  onClose: () => void;
  onMerged: (message: string) => void;
};

const PreviewFacts = ({ preview }: { preview: MergePreview }) => (
  <dl className="merge-preview__facts" aria-label="After the merge">
    <div>
      <dt>Votes after</dt>
      <dd data-testid="merge-votes-after">{preview.voteCountAfter.toLocaleString()}</dd>
    </div>
    <div>
      <dt>Shared voters</dt>
      <dd>{preview.sharedVoters.toLocaleString()}</dd>
    </div>
    <div>
      <dt>Revenue after</dt>
      <dd>{formatMoney(preview.revenueCentsAfter)}</dd>
    </div>
    <div>
      <dt>Followers after</dt>
      <dd>{preview.followerCountAfter.toLocaleString()}</dd>
    </div>
  </dl>
);

const MergeForm = ({ item, onClose, onMerged }: Omit<MergeDialogProps, 'open'>) => {
  const [query, setQuery] = useState('');
  const [intoId, setIntoId] = useState<string | null>(null);
  const q = useDebounced(query.trim(), 250);
  const search = useSearch(q);
  const preview = useMergePreview(item.id, intoId);
  const merge = useMerge(item.id);
  const resultsId = useId();

  const hits = (search.data?.hits ?? []).filter((hit) => hit.id !== item.id && !hit.mergedInto);
  const chosen = hits.find((hit) => hit.id === intoId) ?? null;
  const problem = preview.data?.problem ?? null;

  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault();
        if (!intoId || !preview.data || problem) return;
        const title = preview.data.into.title;
        merge.mutate(intoId, {
          onSuccess: () => onMerged(`Merged into “${title}”.`),
        });
      }}
    >
      <div className="composer__fields">
        <p className="detail__muted">
          Merging <strong>“{item.title}”</strong> moves its votes, comments and followers to the
          item you choose. A voter of both counts once. You can unmerge later.
        </p>
        <TextField
          label="Find the item to keep"
          type="search"
          placeholder="Search feedback by title or words"
          autoFocus
          value={query}
          aria-controls={resultsId}
          onChange={(event) => {
            setQuery(event.target.value);
            setIntoId(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              document.querySelector<HTMLElement>(`#${CSS.escape(resultsId)} input`)?.focus();
            }
          }}
        />
        <div id={resultsId} className="merge-results" aria-busy={search.isFetching}>
          {q === '' ? (
            <p className="detail__muted">Type to search for the surviving item.</p>
          ) : search.isError ? (
            <ErrorState compact title="Search failed" detail={describeError(search.error)} />
          ) : search.isPending ? (
            <Spinner label="Searching" />
          ) : hits.length === 0 ? (
            <p className="detail__muted">Nothing else matches “{q}”.</p>
          ) : (
            <fieldset className="merge-results__list">
              <legend className="ui-visually-hidden">Survivor</legend>
              {hits.slice(0, 8).map((hit) => (
                <label key={hit.id} className="merge-results__option">
                  <input
                    type="radio"
                    name="survivor"
                    value={hit.id}
                    checked={hit.id === intoId}
                    aria-labelledby={`${resultsId}-${hit.id}-title`}
                    aria-describedby={`${resultsId}-${hit.id}-meta`}
                    onChange={() => setIntoId(hit.id)}
                  />
                  <span id={`${resultsId}-${hit.id}-title`} className="merge-results__title">
                    {hit.title}
                  </span>
                  <span id={`${resultsId}-${hit.id}-meta`} className="merge-results__meta">
                    <FeedbackStatusBadge status={hit.status} />
                    {plural(hit.voteCount, 'vote')}
                  </span>
                </label>
              ))}
            </fieldset>
          )}
        </div>

        {chosen && (
          <section className="merge-preview" aria-live="polite" aria-label="Merge preview">
            {preview.isPending ? (
              <Spinner label="Working out the merge" />
            ) : preview.isError ? (
              <ErrorState
                compact
                title="Couldn't preview this merge"
                detail={describeError(preview.error)}
                onRetry={() => void preview.refetch()}
              />
            ) : problem ? (
              <p className="form-error form-error--block" role="alert">
                {problem}
              </p>
            ) : (
              <>
                <p>
                  Keep <strong>“{preview.data.into.title}”</strong> (
                  {plural(preview.data.into.voteCount, 'vote')}) and fold in this one (
                  {plural(preview.data.duplicate.voteCount, 'vote')}).
                </p>
                <PreviewFacts preview={preview.data} />
              </>
            )}
          </section>
        )}
        {merge.isError && (
          <p className="form-error form-error--block" role="alert">
            {describeError(merge.error)}
          </p>
        )}
      </div>
      <footer className="composer__footer">
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button
          type="submit"
          variant="primary"
          loading={merge.isPending}
          disabled={!chosen || !preview.data || problem !== null}
        >
          Merge
        </Button>
      </footer>
    </form>
  );
};

export const MergeDialog = ({ item, open, onClose, onMerged }: MergeDialogProps) => (
  <Dialog open={open} onClose={onClose} title="Merge into another item">
    <MergeForm item={item} onClose={onClose} onMerged={onMerged} />
  </Dialog>
);
