import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { deleteComment, editComment, postComment } from '../api/client';
import type { CommentList, CommentView, EditCommentInput, PostCommentInput } from '../api/types';
import { patchFeedback } from '../queries/feedback-cache';
import { feedbackKeys } from '../queries/feedback-keys';

const mapComments = (
  comments: CommentView[],
  change: (comment: CommentView) => CommentView | null,
): CommentView[] =>
  comments.flatMap((comment) => {
    const next = change(comment);
    return next ? [{ ...next, replies: mapComments(next.replies, change) }] : [];
  });

const updateList = (
  queryClient: QueryClient,
  feedbackId: string,
  update: (comments: CommentView[]) => CommentView[],
) =>
  queryClient.setQueryData<CommentList>(feedbackKeys.comments(feedbackId), (list) =>
    list ? { comments: update(list.comments) } : list,
  );

/** The read model lags a little: refetch once it has surely caught up, not at once. */
const refreshSoon = (queryClient: QueryClient, feedbackId: string) =>
  window.setTimeout(() => {
    void queryClient.invalidateQueries({ queryKey: feedbackKeys.comments(feedbackId) });
    void queryClient.invalidateQueries({ queryKey: feedbackKeys.timeline(feedbackId) });
  }, 1200);

export const usePostComment = (feedbackId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PostCommentInput) => postComment(feedbackId, input),
    onSuccess: (comment, input) => {
      const posted: CommentView = { ...comment, replies: comment.replies ?? [] };
      updateList(queryClient, feedbackId, (comments) =>
        input.parentId
          ? mapComments(comments, (c) =>
              c.id === input.parentId ? { ...c, replies: [...c.replies, posted] } : c,
            )
          : [...comments, posted],
      );
      if ((input.visibility ?? 'public') === 'public') {
        patchFeedback(queryClient, feedbackId, (item) => ({
          ...item,
          commentCount: item.commentCount + 1,
        }));
      }
      refreshSoon(queryClient, feedbackId);
    },
  });
};

export const useEditComment = (feedbackId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: EditCommentInput }) => editComment(id, input),
    onSuccess: (_result, { id, input }) => {
      updateList(queryClient, feedbackId, (comments) =>
        mapComments(comments, (c) =>
          c.id === id ? { ...c, body: input.body, editedAt: new Date().toISOString() } : c,
        ),
      );
      refreshSoon(queryClient, feedbackId);
    },
  });
};

export const useDeleteComment = (feedbackId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteComment(id),
    onSuccess: (_result, id) => {
      updateList(queryClient, feedbackId, (comments) =>
        mapComments(comments, (c) => (c.id === id ? null : c)),
      );
      refreshSoon(queryClient, feedbackId);
    },
  });
};
