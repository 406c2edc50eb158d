import { Module } from '@nestjs/common';
import { TeammatesController } from '../teammates/teammates.controller';
import { DeleteCommentController } from './delete-comment/delete-comment.controller';
import { DeleteCommentHandler } from './delete-comment/delete-comment.handler';
import { EditCommentController } from './edit-comment/edit-comment.controller';
import { EditCommentHandler } from './edit-comment/edit-comment.handler';
import { ListCommentsController } from './list-comments/list-comments.controller';
import { ListCommentsHandler } from './list-comments/list-comments.handler';
import { PostCommentController } from './post-comment/post-comment.controller';
import { PostCommentHandler } from './post-comment/post-comment.handler';

/** Comments and the teammates list their @mention picker needs. */
@Module({
  controllers: [
    ListCommentsController,
    PostCommentController,
    EditCommentController,
    DeleteCommentController,
    TeammatesController,
  ],
  providers: [ListCommentsHandler, PostCommentHandler, EditCommentHandler, DeleteCommentHandler],
})
export class CommentsModule {}
