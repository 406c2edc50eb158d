import { type FeedbackSourceName } from '@chorus/domain/client';
import { Badge, Button, Select, TextField } from '@chorus/ui';
import { useState } from 'react';
import { Link } from 'wouter';
import type { FeedbackItem, Me } from '../api/types';
import { useCan } from '../auth/use-can';
import { categoryName, FeedbackTags } from '../catalog/catalog-ui';
import { type PickerOption } from '../components/async-picker';
import { CaptureFields } from '../components/capture-fields';
import { plural } from '../lib/format';
import { useCatalogOrDefault } from '../queries/catalog';
import {
  isFollowing,
  useApprove,
  useFollow,
  useReject,
  useSetCategory,
  useSetSpam,
  useSetTag,
  useUnmerge,
  useVoteOnBehalf,
} from '../queries/feedback-mutations';
import { useFeedbackTitle, useFollowers } from '../queries/feedback-queries';
import { FormError } from '../lib/form-error';

type Announce = (message: string) => void;

export const MergedBanner = ({
  item,
  onOpen,
  onAnnounce,
}: {
  item: FeedbackItem;
  onOpen: (id: string) => void;
  onAnnounce: Announce;
}) => {
  const survivor = useFeedbackTitle(item.mergedInto);
  const unmerge = useUnmerge(item.id);
  const can = useCan();
  if (!item.mergedInto) return null;
  const intoId = item.mergedInto;
  return (
    <div className="banner banner--merged" role="status" data-testid="merged-banner">
      <p>
        Merged into{' '}
        <a
          href={`?feedback=${encodeURIComponent(intoId)}`}
          onClick={(event) => {
            event.preventDefault();
            onOpen(intoId);
          }}
        >
          {survivor.data ?? 'another item'}
        </a>
        . Its votes and comments count there.
      </p>
      <div className="banner__actions">
        <Button size="sm" variant="primary" onClick={() => onOpen(intoId)}>
          Open survivor
        </Button>
        {can('feedback.triage') && (
          <Button
            size="sm"
            loading={unmerge.isPending}
            onClick={() =>
              unmerge.mutate(undefined, {
                onSuccess: () => onAnnounce('Unmerged: both items count on their own again.'),
              })
            }
          >
            Unmerge
          </Button>
        )}
      </div>
      <FormError error={unmerge.error} />
    </div>
  );
};

export const ModerationBanner = ({
  item,
  onAnnounce,
}: {
  item: FeedbackItem;
  onAnnounce: Announce;
}) => {
  const approve = useApprove(item.id);
  const reject = useReject(item.id);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const moderator = useCan()('feedback.triage');
  if (item.moderation === 'approved') return null;
  if (item.moderation === 'rejected') {
    return (
      <div className="banner banner--danger" role="status">
        <p>Rejected: this post is hidden from the board.</p>
      </div>
    );
  }
  const error = approve.error ?? reject.error;
  return (
    <div className="banner banner--pending" role="region" aria-label="Moderation">
      <p>
        <strong>Waiting for approval.</strong> Customers cannot see it until a teammate approves it.
      </p>
      {!moderator ? null : rejecting ? (
        <form
          className="banner__form"
          onSubmit={(event) => {
            event.preventDefault();
            reject.mutate(reason.trim(), { onSuccess: () => onAnnounce('Rejected.') });
          }}
        >
          <TextField
            label="Reason (optional, shown to the author)"
            value={reason}
            autoFocus
            onChange={(event) => setReason(event.target.value)}
          />
          <div className="banner__actions">
            <Button size="sm" variant="ghost" onClick={() => setRejecting(false)}>
              Cancel
            </Button>
            <Button size="sm" variant="danger" type="submit" loading={reject.isPending}>
              Reject
            </Button>
          </div>
        </form>
      ) : (
        <div className="banner__actions">
          <Button
            size="sm"
            variant="primary"
            loading={approve.isPending}
            onClick={() => approve.mutate(undefined, { onSuccess: () => onAnnounce('Approved.') })}
          >
            Approve
          </Button>
          <Button size="sm" onClick={() => setRejecting(true)}>
            Reject…
          </Button>
        </div>
      )}
      <FormError error={error} />
    </div>
  );
};

export const SpamToggle = ({ item, onAnnounce }: { item: FeedbackItem; onAnnounce: Announce }) => {
  const spam = useSetSpam(item.id);
  return (
    <>
      <Button
        size="sm"
        variant={item.spam ? 'secondary' : 'ghost'}
        aria-pressed={item.spam}
        loading={spam.isPending}
        onClick={() =>
          spam.mutate(!item.spam, {
            onSuccess: () => onAnnounce(item.spam ? 'No longer spam.' : 'Marked as spam.'),
          })
        }
      >
        {item.spam ? 'Not spam' : 'Mark as spam'}
      </Button>
      <FormError error={spam.error} inline />
    </>
  );
};

export const FollowToggle = ({ item, me }: { item: FeedbackItem; me: Me }) => {
  const followers = useFollowers(item.id);
  const follow = useFollow(item.id);
  // The command's answer is fresher than the followers read model right after a click.
  const following = follow.data?.following ?? isFollowing(followers.data, me.id);
  const count = follow.data?.followerCount ?? followers.data?.length;
  return (
    <span className="follow">
      <Button
        size="sm"
        variant={following ? 'secondary' : 'ghost'}
        aria-pressed={following}
        loading={follow.isPending}
        onClick={() => follow.mutate(!following)}
      >
        {following ? 'Following' : 'Follow'}
      </Button>
      <span
        className="follow__count"
        title={followers.data?.map((f) => f.name ?? 'Someone').join(', ')}
      >
        {count === undefined ? '' : plural(count, 'follower')}
      </span>
      <FormError error={follow.error} inline />
    </span>
  );
};

export const TagsEditor = ({ item, onAnnounce }: { item: FeedbackItem; onAnnounce: Announce }) => {
  const catalog = useCatalogOrDefault();
  const setTag = useSetTag(item.id);
  const untagged = catalog.tags.filter((tag) => !item.tags.includes(tag.id));
  const nameOf = (id: string) => catalog.tags.find((t) => t.id === id)?.name ?? id;
  return (
    <div className="tags-editor">
      {item.tags.length === 0 ? (
        <p className="detail__muted">No tags.</p>
      ) : (
        <FeedbackTags
          tags={item.tags}
          onRemove={(tagId) =>
            setTag.mutate(
              { tagId, tagged: false },
              { onSuccess: () => onAnnounce(`Removed tag ${nameOf(tagId)}.`) },
            )
          }
        />
      )}
      {untagged.length > 0 && (
        <Select
          className="tags-editor__add"
          label="Add a tag"
          hideLabel
          value=""
          options={[
            { value: '', label: 'Add a tag…' },
            ...untagged.map((tag) => ({ value: tag.id, label: tag.name })),
          ]}
          onChange={(event) => {
            const tagId = event.target.value;
            if (tagId) {
              setTag.mutate(
                { tagId, tagged: true },
                { onSuccess: () => onAnnounce(`Tagged ${nameOf(tagId)}.`) },
              );
            }
          }}
        />
      )}
      <FormError error={setTag.error} />
    </div>
  );
};

const NONE = '';

export const CategoryEditor = ({
  item,
  onAnnounce,
}: {
  item: FeedbackItem;
  onAnnounce: Announce;
}) => {
  const catalog = useCatalogOrDefault();
  const setCategory = useSetCategory(item.id);
  const board = catalog.boards.find((b) => b.id === item.boardId);
  const categories = board?.categories ?? [];
  const options = categories.map((category) => ({ value: category.id, label: category.name }));
  const current = item.categoryId;
  if (current && !options.some((option) => option.value === current)) {
    options.push({ value: current, label: categoryName(catalog, item.boardId, current) });
  }

  if (options.length === 0) {
    return (
      <p className="detail__muted">
        {board?.name ?? 'This board'} has no categories. Add them in{' '}
        <Link href="/settings/boards">Settings → Boards</Link>.
      </p>
    );
  }

  return (
    <div className="category-editor">
      <Select
        label="Category"
        hideLabel
        value={current ?? NONE}
        options={[{ value: NONE, label: 'None' }, ...options]}
        onChange={(event) => {
          const categoryId = event.target.value || null;
          if (categoryId === current) return;
          setCategory.mutate(categoryId, {
            onSuccess: () =>
              onAnnounce(
                categoryId
                  ? `Filed under ${categoryName(catalog, item.boardId, categoryId)}.`
                  : 'Removed from its category.',
              ),
          });
        }}
      />
      <FormError error={setCategory.error} />
    </div>
  );
};

export const OnBehalfVote = ({
  item,
  onAnnounce,
}: {
  item: FeedbackItem;
  onAnnounce: Announce;
}) => {
  const vote = useVoteOnBehalf(item.id);
  const [open, setOpen] = useState(false);
  const [customer, setCustomer] = useState<PickerOption | null>(null);
  const [source, setSource] = useState<FeedbackSourceName>('sales_call');
  const [quote, setQuote] = useState('');
  const [missing, setMissing] = useState(false);

  if (!open) {
    return (
      <Button size="sm" onClick={() => setOpen(true)}>
        Add vote for a customer
      </Button>
    );
  }
  return (
    <form
      className="on-behalf"
      aria-label="Add vote for a customer"
      onSubmit={(event) => {
        event.preventDefault();
        if (!customer) {
          setMissing(true);
          return;
        }
        vote.mutate(
          { customerId: customer.id, source, ...(quote.trim() ? { quote: quote.trim() } : {}) },
          {
            onSuccess: () => {
              onAnnounce(`Vote added for ${customer.label}.`);
              setOpen(false);
              setCustomer(null);
              setQuote('');
            },
          },
        );
      }}
    >
      <CaptureFields
        customer={customer}
        onCustomerChange={(next) => {
          setCustomer(next);
          setMissing(false);
        }}
        customerError={missing && !customer ? 'Choose the customer who asked for it.' : undefined}
        source={source}
        onSourceChange={setSource}
        quote={quote}
        onQuoteChange={setQuote}
        autoFocus
      />
      <FormError error={vote.error} />
      <div className="banner__actions">
        <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
        <Button size="sm" variant="primary" type="submit" loading={vote.isPending}>
          Add vote
        </Button>
      </div>
    </form>
  );
};

export const SpamBadge = ({ item }: { item: FeedbackItem }) =>
  item.spam ? <Badge tone="red">Spam</Badge> : null;
