import type { BacklogItemView } from '@chorus/domain/client';
import { Button, Card, ErrorState, Spinner, TextField } from '@chorus/ui';
import { useState } from 'react';
import { Link } from 'wouter';
import { describeError } from '../api/problem-error';
import { useCan } from '../auth/use-can';
import { FeedbackStatusBadge } from '../catalog/catalog-ui';
import { FormError } from '../lib/form-error';
import { formatMoney, plural } from '../lib/format';
import { useDebounced } from '../lib/use-debounced';
import { useSearch, useSimilarFeedback } from '../queries/feedback-queries';
import { useLinkFeedback, useUnlinkFeedback } from './backlog-queries';
import { feedbackHref } from './backlog-ui';

type Candidate = { id: string; title: string; status: string; voteCount: number };

/** Feedback to link: what the search finds, or, before anything is typed, what resembles the item. */
const FeedbackFinder = ({
  item,
  onAnnounce,
}: {
  item: BacklogItemView;
  onAnnounce: (message: string) => void;
}) => {
  const link = useLinkFeedback(item.id);
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const search = useSearch(q);
  const similar = useSimilarFeedback(q ? '' : item.title);
  const linked = new Set(item.feedback.map((feedback) => feedback.id));

  const searching = q !== '';
  const lookup = searching ? search : similar;
  const candidates: Candidate[] = searching
    ? (search.data?.hits ?? []).filter((hit) => !hit.mergedInto)
    : (similar.data?.suggestions ?? []);

  return (
    <div className="feedback-finder">
      <TextField
        label="Link feedback"
        type="search"
        placeholder="Search feedback by title or words"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <div className="feedback-finder__results" aria-live="polite" aria-busy={lookup.isFetching}>
        {searching && search.isError ? (
          <ErrorState compact title="Search failed" detail={describeError(search.error)} />
        ) : searching && search.isPending ? (
          <Spinner label="Searching" />
        ) : candidates.length === 0 ? (
          searching ? (
            <p className="detail__muted">No feedback matches “{q}”.</p>
          ) : null
        ) : (
          <>
            {!searching && <p className="detail__muted">Similar to this item:</p>}
            <ul
              className="feedback-finder__list"
              aria-label={searching ? 'Search results' : 'Similar feedback'}
            >
              {candidates.slice(0, 8).map((candidate) => (
                <li key={candidate.id} className="feedback-finder__option">
                  <span className="feedback-finder__title">{candidate.title}</span>
                  <span className="feedback-finder__meta">
                    <FeedbackStatusBadge status={candidate.status} />
                    {plural(candidate.voteCount, 'vote')}
                  </span>
                  {linked.has(candidate.id) ? (
                    <span className="detail__muted">Linked</span>
                  ) : (
                    <Button
                      size="sm"
                      loading={link.isPending && link.variables === candidate.id}
                      disabled={link.isPending}
                      onClick={() =>
                        link.mutate(candidate.id, {
                          onSuccess: () => onAnnounce(`Linked “${candidate.title}”.`),
                        })
                      }
                    >
                      Link<span className="ui-visually-hidden"> “{candidate.title}”</span>
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <FormError error={link.error} />
    </div>
  );
};

/** The feedback this item answers: its demand feeds the score; each row opens in the inbox. */
export const LinkedFeedback = ({
  item,
  onAnnounce,
}: {
  item: BacklogItemView;
  onAnnounce: (message: string) => void;
}) => {
  const unlink = useUnlinkFeedback(item.id);
  const planner = useCan()('backlog.plan');
  return (
    <Card>
      <div className="backlog-card__head">
        <h2 className="card__title">Linked feedback</h2>
        <span className="detail__muted">{plural(item.feedback.length, 'item')}</span>
      </div>
      {item.feedback.length === 0 ? (
        <p className="detail__muted">
          {planner
            ? 'No feedback linked yet. Link the requests this item answers: their votes and revenue count toward its score.'
            : 'No feedback linked yet.'}
        </p>
      ) : (
        <table className="table" data-testid="linked-feedback">
          <caption className="ui-visually-hidden">Feedback this item answers</caption>
          <thead>
            <tr>
              <th scope="col">Feedback</th>
              <th scope="col">Status</th>
              <th scope="col" className="table__number">
                Votes
              </th>
              <th scope="col" className="table__number">
                Revenue
              </th>
              {planner && (
                <th scope="col">
                  <span className="ui-visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {item.feedback.map((feedback) => (
              <tr key={feedback.id}>
                <th scope="row">
                  <Link href={feedbackHref(feedback.id)}>{feedback.title}</Link>
                </th>
                <td>
                  <FeedbackStatusBadge status={feedback.status} />
                </td>
                <td className="table__number">{feedback.voteCount.toLocaleString()}</td>
                <td className="table__number">
                  {feedback.revenueCents === undefined ? '—' : formatMoney(feedback.revenueCents)}
                </td>
                {planner && (
                  <td className="table__number">
                    <Button
                      size="sm"
                      variant="ghost"
                      disabled={unlink.isPending}
                      onClick={() =>
                        unlink.mutate(feedback.id, {
                          onSuccess: () => onAnnounce(`Unlinked “${feedback.title}”.`),
                        })
                      }
                    >
                      Unlink<span className="ui-visually-hidden"> “{feedback.title}”</span>
                    </Button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FormError error={unlink.error} />
      {planner && <FeedbackFinder item={item} onAnnounce={onAnnounce} />}
    </Card>
  );
};
