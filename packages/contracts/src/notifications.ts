import { LEVELS } from '@qianke/core/leads/grading';
import { z } from 'zod';
import { ZId } from './common';
import { FOLLOW_UP_CHANNELS } from './follow-ups';

/**
 * The bell (notifications), managers' comments on follow-ups (批复) and the store's follow-up review.
 * A notification is a kind plus a payload; the web app builds the sentence in the reader's language.
 */
export const NOTIFICATION_KINDS = [
  'assignment',
  'comment',
  'overdue',
  'arrival',
  'unassigned',
  'defeat_request',
  'defeat_decision',
  // DCC invitations (issue 5)
  'invitation_arrived',
  'invitation_returned',
] as const;
export const ZNotificationKind = z.enum(NOTIFICATION_KINDS);
export type TNotificationKind = z.infer<typeof ZNotificationKind>;

/**
 * What each kind's payload carries, for the sentence and the link. Every field is optional so that an
 * older notification still shows; a writer of a kind fills in what it knows.
 */
const lead = {
  leadId: ZId.optional(),
  customerId: ZId.optional(),
  customerName: z.string().optional(),
  cardNo: z.string().optional(),
};
export const NOTIFICATION_PAYLOADS = {
  /** A lead (or several) given to you. */
  assignment: z.object({
    ...lead,
    count: z.number().int().optional().meta({ description: 'Several leads in one action' }),
    byName: z.string().optional().meta({ description: 'Who assigned; absent for an automatic rule' }),
  }),
  /** A manager commented on your follow-up. */
  comment: z.object({
    ...lead,
    followUpId: ZId.optional(),
    commentId: ZId.optional(),
    authorName: z.string().optional(),
    excerpt: z.string().optional().meta({ description: 'The first 200 characters of the comment' }),
  }),
  /** One of your tasks is overdue (taskId set), or a manager's daily digest of a user's overdue tasks. */
  overdue: z.object({
    ...lead,
    taskId: ZId.optional(),
    taskKind: z.string().optional(),
    title: z.string().nullable().optional(),
    dueAt: z.string().optional(),
    userId: ZId.optional().meta({ description: 'Digest: whose tasks are overdue' }),
    userName: z.string().optional(),
    count: z.number().int().optional(),
    date: z.string().optional().meta({ description: "Digest: the store's local day, YYYY-MM-DD" }),
  }),
  /** Your customer arrived in the showroom. */
  arrival: z.object({
    ...lead,
    visitId: ZId.optional(),
    arrivedAt: z.string().optional(),
    consultantName: z.string().nullable().optional(),
  }),
  /** A lead has waited without an owner longer than the store allows (opening hours only). */
  unassigned: z.object({
    ...lead,
    channel: z.string().optional(),
    createdAt: z.string().optional(),
    limitMinutes: z.number().int().optional(),
  }),
  /** A consultant asks to close a lead as lost. */
  defeat_request: z.object({
    ...lead,
    defeatRequestId: ZId.optional(),
    requestedByName: z.string().optional(),
    reason: z.string().optional(),
  }),
  /** Your defeat request was decided. */
  defeat_decision: z.object({
    ...lead,
    defeatRequestId: ZId.optional(),
    decision: z.enum(['approved', 'rejected']).optional(),
    outcome: z.string().nullable().optional(),
    decidedByName: z.string().optional(),
  }),
  /** An invited customer arrived: the invitation's consultant and the inviting agent. */
  invitation_arrived: z.object({
    ...lead,
    invitationId: ZId.optional(),
    visitId: ZId.optional(),
    arrivedAt: z.string().optional(),
    scheduledAt: z.string().optional(),
    purpose: z.string().optional(),
  }),
  /** A lead invited 30 days ago without an arrival went back to the distribution queue (managers). */
  invitation_returned: z.object({
    ...lead,
    invitationId: ZId.optional(),
    invitedByName: z.string().optional(),
    invitedAt: z.string().optional(),
  }),
} as const satisfies Record<TNotificationKind, z.ZodType>;
export type TNotificationPayload<K extends TNotificationKind> = z.infer<(typeof NOTIFICATION_PAYLOADS)[K]>;

export const ZNotification = z
  .object({
    id: ZId,
    kind: ZNotificationKind,
    payload: z.record(z.string(), z.unknown()).meta({ description: 'See NOTIFICATION_PAYLOADS per kind' }),
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Notification' });
export type TNotification = z.infer<typeof ZNotification>;

export const ZListNotificationsQuery = z.object({
  unread: z.enum(['true', 'false']).optional().meta({ description: '`true`: only unread notifications' }),
  cursor: z.string().max(200).optional().meta({ description: '`nextCursor` of the previous page' }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type TListNotificationsQuery = z.input<typeof ZListNotificationsQuery>;
export type TListNotificationsParsed = z.infer<typeof ZListNotificationsQuery>;

export const ZNotificationList = z
  .object({
    items: z.array(ZNotification),
    nextCursor: z.string().nullable(),
    unreadCount: z.number().int().meta({ description: 'All unread notifications of the caller' }),
  })
  .meta({ id: 'NotificationList' });
export type TNotificationList = z.infer<typeof ZNotificationList>;

export const ZMarkNotificationsRead = z
  .union([z.object({ ids: z.array(ZId).min(1).max(200) }), z.object({ all: z.literal(true) })])
  .meta({ id: 'MarkNotificationsRead', description: 'Some of your notifications by id, or all of them' });
export type TMarkNotificationsRead = z.infer<typeof ZMarkNotificationsRead>;

export const ZMarkNotificationsReadResult = z
  .object({ marked: z.number().int(), unreadCount: z.number().int() })
  .meta({ id: 'MarkNotificationsReadResult' });
export type TMarkNotificationsReadResult = z.infer<typeof ZMarkNotificationsReadResult>;

/** One event of the stream (`event: notification`): the notification as the list returns it. */
export const ZNotificationEvent = ZNotification;

// ---------------------------------------------------------------------------------------------------
// Comments (批复) on follow-ups, and the store's follow-ups for a manager's review.

export const COMMENT_MAX_LENGTH = 1000;

export const ZCreateFollowUpComment = z
  .object({
    body: z
      .string()
      .trim()
      .min(1, { message: 'Write a comment.' })
      .max(COMMENT_MAX_LENGTH, { message: `Use at most ${COMMENT_MAX_LENGTH} characters.` }),
  })
  .meta({ id: 'CreateFollowUpComment' });
export type TCreateFollowUpComment = z.infer<typeof ZCreateFollowUpComment>;

export const ZFollowUpComment = z
  .object({
    id: ZId,
    followUpId: ZId,
    authorId: ZId,
    authorName: z.string(),
    body: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'FollowUpComment' });
export type TFollowUpComment = z.infer<typeof ZFollowUpComment>;

export const ZFollowUpCommentList = z
  .object({ items: z.array(ZFollowUpComment) })
  .meta({ id: 'FollowUpCommentList' });
export type TFollowUpCommentList = z.infer<typeof ZFollowUpCommentList>;

const ZReviewLevel = z.enum(LEVELS);

export const ZListStoreFollowUpsQuery = z.object({
  scope: z.literal('store').default('store').meta({ description: 'The whole store (managers)' }),
  userId: ZId.optional().meta({ description: 'Only follow-ups written by this user' }),
  from: z.iso.date().optional().meta({ description: "First day, in the store's calendar" }),
  to: z.iso.date().optional().meta({ description: "Last day (included), in the store's calendar" }),
  cursor: z.string().max(200).optional().meta({ description: '`nextCursor` of the previous page' }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type TListStoreFollowUpsQuery = z.input<typeof ZListStoreFollowUpsQuery>;
export type TListStoreFollowUpsParsed = z.infer<typeof ZListStoreFollowUpsQuery>;

export const ZStoreFollowUp = z
  .object({
    id: ZId,
    leadId: ZId,
    customerId: ZId,
    customerName: z.string(),
    cardNo: z.string(),
    authorId: ZId,
    authorName: z.string(),
    channel: z.enum(FOLLOW_UP_CHANNELS),
    content: z.string(),
    result: z.string(),
    levelBefore: ZReviewLevel.nullable(),
    levelAfter: ZReviewLevel.nullable(),
    leadLevel: ZReviewLevel.nullable().meta({ description: "The lead's level now" }),
    occurredAt: z.iso.datetime(),
    nextContactAt: z.iso.datetime().nullable(),
    commentCount: z.number().int(),
  })
  .meta({ id: 'StoreFollowUp' });
export type TStoreFollowUp = z.infer<typeof ZStoreFollowUp>;

export const ZStoreFollowUpList = z
  .object({ items: z.array(ZStoreFollowUp), nextCursor: z.string().nullable() })
  .meta({ id: 'StoreFollowUpList' });
export type TStoreFollowUpList = z.infer<typeof ZStoreFollowUpList>;
