import type { TNotification } from '@qianke/contracts/notifications';
import type { TFunction } from 'i18next';
import { paths } from '@/lib/paths';

const TASK_KINDS = [
  'first_contact',
  'follow_up',
  'holiday_care',
  'owner_care',
  'nurturing',
  'custom',
] as const;
type TaskKind = (typeof TASK_KINDS)[number];
const isTaskKind = (value: unknown): value is TaskKind => TASK_KINDS.includes(value as TaskKind);

/** A payload field as text, whatever the writer of the notification put there. */
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;
const count = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

export type NotificationView = {
  /** The sentence shown in the bell, in the reader's language. */
  text: string;
  /** Where clicking it goes, or none. */
  href: string | undefined;
};

/**
 * The sentence and the link of a notification, built from its kind and payload
 * (contracts/notifications.ts NOTIFICATION_PAYLOADS): the server stores facts, never sentences.
 */
export const describeNotification = (
  n: TNotification,
  t: TFunction,
  formatTime: (iso: string) => string,
): NotificationView => {
  const p = n.payload;
  const customer = text(p.customerName) ?? t('notifications.someCustomer');
  const customerId = text(p.customerId);
  const customerHref = customerId ? `${paths.customers}/${encodeURIComponent(customerId)}` : undefined;

  switch (n.kind) {
    case 'assignment': {
      const many = count(p.count);
      if (many !== undefined && many > 1) {
        return { text: t('notifications.text.assignmentMany', { count: many }), href: paths.customers };
      }
      const by = text(p.byName);
      return {
        text: by
          ? t('notifications.text.assignmentBy', { by, customer })
          : t('notifications.text.assignment', { customer }),
        href: customerHref,
      };
    }
    case 'comment':
      return {
        text: t('notifications.text.comment', {
          author: text(p.authorName) ?? t('notifications.someone'),
          customer,
          excerpt: text(p.excerpt) ?? '',
        }),
        href: customerHref,
      };
    case 'overdue': {
      if (text(p.taskId)) {
        const task =
          text(p.title) ?? (isTaskKind(p.taskKind) ? t(`notifications.taskKinds.${p.taskKind}`) : '');
        const due = text(p.dueAt);
        return {
          text: t('notifications.text.overdueTask', {
            customer,
            task: task || t('notifications.taskKinds.custom'),
            due: due ? formatTime(due) : '',
          }),
          href: paths.today,
        };
      }
      return {
        text: t('notifications.text.overdueDigest', {
          user: text(p.userName) ?? t('notifications.someone'),
          count: count(p.count) ?? 0,
        }),
        href: paths.today,
      };
    }
    case 'arrival': {
      const consultant = text(p.consultantName);
      return {
        text: consultant
          ? t('notifications.text.arrivalWith', { customer, consultant })
          : t('notifications.text.arrival', { customer }),
        href: customerHref,
      };
    }
    case 'unassigned':
      return {
        text: t('notifications.text.unassigned', { customer, minutes: count(p.limitMinutes) ?? 30 }),
        href: customerHref,
      };
    case 'defeat_request':
      return {
        text: t('notifications.text.defeatRequest', {
          user: text(p.requestedByName) ?? t('notifications.someone'),
          customer,
        }),
        href: customerHref,
      };
    case 'defeat_decision':
      return {
        text:
          p.decision === 'rejected'
            ? t('notifications.text.defeatRejected', { customer })
            : t('notifications.text.defeatApproved', { customer }),
        href: customerHref,
      };
    case 'invitation_arrived':
      return { text: t('notifications.text.invitationArrived', { customer }), href: customerHref };
    case 'invitation_returned':
      return { text: t('notifications.text.invitationReturned', { customer }), href: paths.distribution };
    default:
      return { text: t('notifications.text.generic'), href: undefined };
  }
};
