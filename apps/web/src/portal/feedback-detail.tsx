import type { CommentView, FeedbackReleaseView } from '@chorus/domain/client';
import {
  Badge,
  Button,
  Card,
  EmptyState,
  ErrorState,
  Skeleton,
  TextArea,
  VoteButton,
} from '@chorus/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { describeError, isProblem, ProblemError } from '../api/problem-error';
import { FormError } from '../lib/form-error';
import { changelogAnchor } from '../public/changelog-entries';
import { Markdown } from '../public/markdown';
import { portalPath } from './portal-paths';
import {
  useFollow,
  usePortalCatalog,
  usePortalComments,
  usePortalItem,
  usePortalItemReleases,
  usePostComment,
  useVote,
} from './portal-queries';
import { PendingBadge, PortalStatus, useFormatDate } from './portal-ui';

const Comment = ({ comment }: { comment: CommentView }) => {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <li>
      <article className="portal-comment" data-testid="portal-comment">
        <header className="portal-comment__head">
          <strong>{comment.author.name ?? t('detail.someone')}</strong>
          {comment.author.staff && <Badge tone="accent">{t('detail.team')}</Badge>}
          <time dateTime={comment.createdAt}>{formatDate(comment.createdAt)}</time>
        </header>
        <Markdown>{comment.body}</Markdown>
        {comment.replies.length > 0 && (
          <ol className="portal-comments portal-comments--replies">
            {comment.replies.map((reply) => (
              <Comment key={reply.id} comment={reply} />
            ))}
          </ol>
        )}
      </article>
    </li>
  );
};

const Comments = ({ id }: { id: string }) => {
  const { t } = useTranslation();
  const comments = usePortalComments(id);
  const post = usePostComment(id);
  const [body, setBody] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    post.mutate(body.trim(), { onSuccess: () => setBody('') });
  };
  const publicComments = comments.data?.comments.filter((c) => c.visibility === 'public') ?? [];
  return (
    <section className="portal-detail__comments" aria-labelledby="portal-comments-title">
      <h2 id="portal-comments-title" className="portal-detail__subtitle">
        {t('detail.comments')}
      </h2>
      {comments.isPending ? (
        <Skeleton height="4rem" />
      ) : comments.isError ? (
        <ErrorState
          compact
          title={t('detail.commentsError')}
          detail={describeError(comments.error)}
          onRetry={() => void comments.refetch()}
          retrying={comments.isFetching}
        />
      ) : publicComments.length === 0 ? (
        <p className="portal-muted">{t('detail.noComments')}</p>
      ) : (
        <ol className="portal-comments">
          {publicComments.map((comment) => (
            <Comment key={comment.id} comment={comment} />
          ))}
        </ol>
      )}
      <form className="portal-form" onSubmit={onSubmit}>
        <TextArea
          label={t('detail.addComment')}
          value={body}
          rows={3}
          required
          onChange={(event) => setBody(event.target.value)}
          error={post.error instanceof ProblemError ? post.error.fieldMessage('body') : undefined}
        />
        <FormError error={post.error} shownBy={['body']} />
        <div className="portal-form__actions">
          <Button type="submit" variant="primary" loading={post.isPending} disabled={!body.trim()}>
            {t('detail.postComment')}
          </Button>
        </div>
      </form>
    </section>
  );
};

/**
 * Where the request shipped: each published release that answered it, linking to its changelog
 * entry. Secondary to the request, so it shows nothing if it fails.
 */
const Shipped = ({ slug, shipped }: { slug: string; shipped: FeedbackReleaseView[] }) => {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  if (shipped.length === 0) return null;
  return (
    <section
      className="portal-shipped"
      aria-label={t('detail.shipped')}
      data-testid="portal-shipped"
    >
      <ul className="portal-shipped__releases">
        {shipped.map((release) => (
          <li key={release.releaseId} className="portal-shipped__release">
            <span>
              {t('detail.shippedIn', { name: release.name })} ·{' '}
              <time dateTime={release.publishedAt}>{formatDate(release.publishedAt)}</time>
            </span>
            <Link href={`${portalPath(slug, 'changelog')}#${changelogAnchor(release.releaseId)}`}>
              {release.changelogTitle}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
};

export const FeedbackDetail = ({ slug, id }: { slug: string; id: string }) => {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const item = usePortalItem(id);
  const releases = usePortalItemReleases(id);
  const catalog = usePortalCatalog(true);
  const vote = useVote(id);
  const follow = useFollow(id);
  const back = (
    <Link className="portal-back" href={portalPath(slug)}>
      ← {t('detail.back')}
    </Link>
  );

  // Both at once: a "shipped" panel arriving after the page would push everything under it down.
  if (item.isPending || releases.isPending) {
    return (
      <div className="table-skeleton" aria-hidden="true">
        <Skeleton width="60%" height="2rem" />
        <Skeleton height="8rem" />
      </div>
    );
  }
  if (item.isError) {
    return (
      <>
        {back}
        {isProblem(item.error, 404) ? (
          <EmptyState title={t('detail.notFound')} hint={t('detail.notFoundHint')} />
        ) : (
          <ErrorState
            title={t('detail.loadError')}
            detail={describeError(item.error)}
            onRetry={() => void item.refetch()}
            retrying={item.isFetching}
          />
        )}
      </>
    );
  }
  const feedback = item.data;
  const board = catalog.data?.boards.find((candidate) => candidate.id === feedback.boardId);

  return (
    <article className="portal-detail" aria-labelledby="portal-detail-title">
      {back}
      <div className="portal-detail__head">
        <VoteButton
          size="lg"
          data-testid="portal-vote"
          count={feedback.voteCount}
          pressed={feedback.votedByMe}
          label={t('detail.vote')}
          disabled={vote.isPending}
          onClick={() => vote.mutate(!feedback.votedByMe)}
        />
        <div className="portal-detail__heading">
          <h1 id="portal-detail-title" className="page-header__title">
            {feedback.title}
          </h1>
          <div className="portal-row__meta">
            <PortalStatus status={feedback.status} catalog={catalog.data} />
            {board && <Badge>{board.name}</Badge>}
            {feedback.moderation === 'pending' && <PendingBadge />}
            <time dateTime={feedback.createdAt}>{formatDate(feedback.createdAt)}</time>
          </div>
        </div>
        <Button
          aria-pressed={feedback.following}
          loading={follow.isPending}
          onClick={() => follow.mutate(!feedback.following)}
        >
          {feedback.following ? t('detail.following') : t('detail.follow')}
        </Button>
      </div>
      <Shipped slug={slug} shipped={releases.data?.items ?? []} />
      <FormError error={vote.error ?? follow.error} />
      {feedback.mergedInto && (
        <p className="portal-detail__merged" role="note">
          {t('detail.merged')}{' '}
          <Link href={portalPath(slug, 'feedback', feedback.mergedInto)}>
            {t('detail.mergedLink')}
          </Link>
        </p>
      )}
      <Card className="portal-detail__body">
        {feedback.description ? (
          <Markdown>{feedback.description}</Markdown>
        ) : (
          <p className="portal-muted">{t('detail.noDescription')}</p>
        )}
      </Card>
      <Comments id={id} />
    </article>
  );
};
