import {
  Badge,
  Button,
  ConfirmDialog,
  ErrorState,
  Skeleton,
  SegmentedControl,
  TextArea,
} from '@chorus/ui';
import { useState } from 'react';
import { describeError } from '../api/problem-error';
import type { CommentView, Me } from '../api/types';
import { useCan, whoCan } from '../auth/use-can';
import { formatDateTime, formatRelativeTime, initials } from '../lib/format';
import { useNow } from '../lib/use-now';
import { useComments } from '../queries/feedback-queries';
import { useDeleteComment, useEditComment, usePostComment } from './comment-queries';
import { MentionTextArea } from './mention-textarea';
import { FormError } from '../lib/form-error';

type Visibility = CommentView['visibility'];

const visibilityOptions = [
  { value: 'public' as const, label: 'Public reply' },
  { value: 'internal' as const, label: 'Internal note' },
];

const Composer = ({
  feedbackId,
  parentId,
  onDone,
  autoFocus,
}: {
  feedbackId: string;
  parentId?: string;
  onDone?: () => void;
  autoFocus?: boolean;
}) => {
  const post = usePostComment(feedbackId);
  // Internal notes are the team's: a customer writes public comments only.
  const internalNotes = useCan()('feedback.internal.read');
  const [body, setBody] = useState('');
  const [mentions, setMentions] = useState<string[]>([]);
  const [visibility, setVisibility] = useState<Visibility>('public');

  const submit = () => {
    if (!body.trim()) return;
    post.mutate(
      {
        body: body.trim(),
        visibility,
        ...(parentId ? { parentId } : {}),
        ...(mentions.length > 0 ? { mentions } : {}),
      },
      {
        onSuccess: () => {
          setBody('');
          setMentions([]);
          onDone?.();
        },
      },
    );
  };

  return (
    <form
      className={`comment-composer comment-composer--${visibility}`}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {internalNotes && (
        <>
          <SegmentedControl
            label="Who can see it"
            value={visibility}
            options={visibilityOptions}
            onChange={setVisibility}
          />
          <p className="comment-composer__notice">
            {visibility === 'internal'
              ? 'Only teammates see internal notes. Customers never do.'
              : 'Public: the customer and everyone following this feedback can read it.'}
          </p>
        </>
      )}
      <MentionTextArea
        label={parentId ? 'Reply' : visibility === 'internal' ? 'Internal note' : 'Comment'}
        value={body}
        onChange={setBody}
        mentions={mentions}
        onMentionsChange={setMentions}
        autoFocus={autoFocus}
        error={post.isError ? describeError(post.error) : undefined}
        onSubmitShortcut={submit}
      />
      <div className="comment-composer__actions">
        {onDone && (
          <Button size="sm" variant="ghost" onClick={onDone}>
            Cancel
          </Button>
        )}
        <Button
          size="sm"
          type="submit"
          variant="primary"
          loading={post.isPending}
          disabled={!body.trim()}
        >
          {visibility === 'internal' ? 'Add note' : parentId ? 'Reply' : 'Comment'}
        </Button>
      </div>
    </form>
  );
};

const CommentItem = ({
  comment,
  feedbackId,
  me,
  now,
  canReply,
}: {
  comment: CommentView;
  feedbackId: string;
  me: Me;
  now: number;
  canReply: boolean;
}) => {
  const edit = useEditComment(feedbackId);
  const remove = useDeleteComment(feedbackId);
  const [editing, setEditing] = useState<string | null>(null);
  const [replying, setReplying] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const participant = useCan()('feedback.participate');
  const own = participant && comment.author.id === me.id;
  const name = comment.author.name ?? 'Someone';

  return (
    <li className={`comment comment--${comment.visibility}`} aria-label={`Comment by ${name}`}>
      <div className="comment__head">
        <span className="avatar avatar--sm" aria-hidden="true">
          {initials(name)}
        </span>
        <span className="comment__author">{name}</span>
        {comment.author.staff && <Badge tone="accent">Team</Badge>}
        {comment.visibility === 'internal' && <Badge tone="amber">Internal</Badge>}
        <time
          className="comment__time"
          dateTime={comment.createdAt}
          title={formatDateTime(comment.createdAt)}
        >
          {formatRelativeTime(comment.createdAt, now)}
          {comment.editedAt ? ' · edited' : ''}
        </time>
      </div>
      {editing !== null ? (
        <form
          className="comment__edit"
          onSubmit={(event) => {
            event.preventDefault();
            if (!editing.trim()) return;
            edit.mutate(
              { id: comment.id, input: { body: editing.trim() } },
              { onSuccess: () => setEditing(null) },
            );
          }}
        >
          <TextArea
            label="Edit comment"
            hideLabel
            rows={3}
            autoFocus
            value={editing}
            error={edit.isError ? describeError(edit.error) : undefined}
            onChange={(event) => setEditing(event.target.value)}
          />
          <div className="comment-composer__actions">
            <Button size="sm" variant="ghost" onClick={() => setEditing(null)}>
              Cancel
            </Button>
            <Button size="sm" variant="primary" type="submit" loading={edit.isPending}>
              Save
            </Button>
          </div>
        </form>
      ) : (
        <p className="comment__body">{comment.body}</p>
      )}
      <div className="comment__actions">
        {canReply && participant && (
          <Button size="sm" variant="ghost" onClick={() => setReplying(true)}>
            Reply
          </Button>
        )}
        {own && editing === null && (
          <>
            <Button size="sm" variant="ghost" onClick={() => setEditing(comment.body)}>
              Edit
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirmingDelete(true)}>
              Delete
            </Button>
          </>
        )}
      </div>
      <ConfirmDialog
        open={confirmingDelete}
        title="Delete this comment?"
        confirmLabel="Delete comment"
        tone="danger"
        pending={remove.isPending}
        error={<FormError error={remove.error} />}
        onConfirm={() => remove.mutate(comment.id, { onSuccess: () => setConfirmingDelete(false) })}
        onCancel={() => {
          remove.reset();
          setConfirmingDelete(false);
        }}
      >
        <p>Everyone who could read it stops seeing it.</p>
      </ConfirmDialog>
      {(comment.replies.length > 0 || replying) && (
        <ul className="comment__replies" aria-label={`Replies to ${name}`}>
          {comment.replies.map((reply) => (
            <CommentItem
              key={reply.id}
              comment={reply}
              feedbackId={feedbackId}
              me={me}
              now={now}
              canReply={false}
            />
          ))}
          {replying && (
            <li>
              <Composer
                feedbackId={feedbackId}
                parentId={comment.id}
                autoFocus
                onDone={() => setReplying(false)}
              />
            </li>
          )}
        </ul>
      )}
    </li>
  );
};

export const CommentsThread = ({ feedbackId, me }: { feedbackId: string; me: Me }) => {
  const comments = useComments(feedbackId);
  const now = useNow();
  const participant = useCan()('feedback.participate');

  return (
    <div className="comments">
      {comments.isPending ? (
        <div aria-hidden="true" className="comments__loading">
          <Skeleton height="3rem" />
          <Skeleton height="3rem" />
        </div>
      ) : comments.isError ? (
        <ErrorState
          compact
          title="Couldn't load comments"
          detail={describeError(comments.error)}
          onRetry={() => void comments.refetch()}
          retrying={comments.isFetching}
        />
      ) : comments.data.comments.length === 0 ? (
        <p className="detail__muted">
          {participant ? 'No comments yet. Start the conversation below.' : 'No comments yet.'}
        </p>
      ) : (
        <ul className="comments__list" aria-label="Comments">
          {comments.data.comments.map((comment) => (
            <CommentItem
              key={comment.id}
              comment={comment}
              feedbackId={feedbackId}
              me={me}
              now={now}
              canReply
            />
          ))}
        </ul>
      )}
      {participant ? (
        <Composer feedbackId={feedbackId} />
      ) : (
        <p className="detail__muted">Commenting is for {whoCan('feedback.participate')}.</p>
      )}
    </div>
  );
};
