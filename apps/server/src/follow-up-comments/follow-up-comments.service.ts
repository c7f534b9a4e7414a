import type {
  TCreateFollowUpComment,
  TFollowUpComment,
  TFollowUpCommentList,
  TListStoreFollowUpsParsed,
  TStoreFollowUp,
  TStoreFollowUpList,
} from '@qianke/contracts/notifications';
import { customerScopeOf } from '@qianke/core/customers/visibility';
import { DomainError } from '@qianke/core/shared/domain-error';
import { recordAudit } from '../infra/audit/record-audit';
import type { Db, Executor } from '../infra/db/database';
import type { AuthContext } from '../infra/http/auth-context';
import { decodeCursor, encodeCursor } from '../notifications/keyset-cursor';
import { notify } from '../notifications/notify';
import {
  type CommentRow,
  type FollowUpSubject,
  findComment,
  findFollowUpSubject,
  insertComment,
  listComments,
  listStoreFollowUps,
  type StoreFollowUpRow,
} from './follow-up-comments.repo';

/** How much of a comment the bell shows. */
const EXCERPT_LENGTH = 200;

const toComment = (row: CommentRow): TFollowUpComment => ({
  id: row.id,
  followUpId: row.followUpId,
  authorId: row.authorId,
  authorName: row.authorName,
  body: row.body,
  createdAt: row.createdAt.toISOString(),
});

const toStoreFollowUp = (row: StoreFollowUpRow): TStoreFollowUp => ({
  id: row.id,
  leadId: row.leadId,
  customerId: row.customerId,
  customerName: row.customerName,
  cardNo: row.cardNo,
  authorId: row.authorId,
  authorName: row.authorName,
  channel: row.channel as TStoreFollowUp['channel'],
  content: row.content,
  result: row.result,
  levelBefore: row.levelBefore as TStoreFollowUp['levelBefore'],
  levelAfter: row.levelAfter as TStoreFollowUp['levelAfter'],
  leadLevel: row.leadLevel as TStoreFollowUp['leadLevel'],
  occurredAt: row.occurredAt.toISOString(),
  nextContactAt: row.nextContactAt?.toISOString() ?? null,
  commentCount: row.commentCount,
});

/**
 * Who sees a follow-up (and its comments): the roles that see the whole store see every follow-up of
 * it; a consultant those of their own customers (the lead's or the customer's owner) and the ones they
 * wrote themselves. Anything else is "not found", as for a row of another store.
 */
const canSee = (ctx: AuthContext, f: FollowUpSubject): boolean =>
  customerScopeOf(ctx.roles) === 'store' ||
  f.leadOwnerId === ctx.userId ||
  f.customerOwnerId === ctx.userId ||
  f.authorId === ctx.userId;

/** Managers' comments (批复) on follow-ups; the follow-up's author and the lead's owner are notified. */
export const createFollowUpCommentsService = ({ db }: { db: Db }) => {
  const load = async (tx: Executor, ctx: AuthContext, followUpId: string): Promise<FollowUpSubject> => {
    const subject = await findFollowUpSubject(tx, ctx.dealerId, followUpId);
    if (!subject || !canSee(ctx, subject)) {
      throw new DomainError('not_found', 'There is no such follow-up in this store.');
    }
    return subject;
  };

  const add = async (
    ctx: AuthContext,
    followUpId: string,
    input: TCreateFollowUpComment,
  ): Promise<TFollowUpComment> =>
    db.transaction(async (tx) => {
      const subject = await load(tx, ctx, followUpId);
      const id = await insertComment(tx, {
        dealerId: ctx.dealerId,
        followUpId,
        authorId: ctx.userId,
        body: input.body,
      });
      const comment = await findComment(tx, ctx.dealerId, id);
      if (!comment) throw new Error('a comment just written could not be read back');
      await recordAudit(tx, {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        action: 'follow_up.comment',
        entity: 'follow_up_comment',
        entityId: id,
        after: { followUpId, leadId: subject.leadId, body: input.body },
      });
      // The one who wrote the follow-up, and whoever follows the lead up now when that is someone else.
      const readers = new Set([subject.authorId, subject.leadOwnerId]);
      readers.delete(ctx.userId);
      for (const userId of readers) {
        if (userId === null) continue;
        await notify(tx, {
          dealerId: ctx.dealerId,
          userId,
          kind: 'comment',
          subjectKey: `comment:${id}`,
          payload: {
            commentId: id,
            followUpId,
            leadId: subject.leadId,
            customerId: subject.customerId,
            customerName: subject.customerName,
            cardNo: subject.cardNo,
            authorName: comment.authorName,
            excerpt: input.body.slice(0, EXCERPT_LENGTH),
          },
        });
      }
      return toComment(comment);
    });

  const list = async (ctx: AuthContext, followUpId: string): Promise<TFollowUpCommentList> => {
    await load(db, ctx, followUpId);
    return { items: (await listComments(db, ctx.dealerId, followUpId)).map(toComment) };
  };

  /** The store's recent follow-ups with their authors and comment counts, for a manager's review. */
  const listStore = async (
    ctx: AuthContext,
    query: TListStoreFollowUpsParsed,
  ): Promise<TStoreFollowUpList> => {
    if (query.from && query.to && query.from > query.to) {
      const message = 'The first day must not be after the last day.';
      throw new DomainError('validation_failed', message, { fields: { from: message } });
    }
    const rows = await listStoreFollowUps(db, {
      dealerId: ctx.dealerId,
      userId: query.userId,
      from: query.from,
      to: query.to,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(toStoreFollowUp),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
    };
  };

  return { add, list, listStore };
};

export type FollowUpCommentsService = ReturnType<typeof createFollowUpCommentsService>;
