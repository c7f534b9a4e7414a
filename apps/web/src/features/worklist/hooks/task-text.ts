import type { TTask } from '@qianke/contracts/follow-ups';
import type { TFunction } from 'i18next';

const KINDS = [
  'first_contact',
  'follow_up',
  'holiday_care',
  'owner_care',
  'nurturing',
  'custom',
  // DCC (issue 5)
  'invitation_reminder',
  'dcc_call',
] as const;
type Kind = (typeof KINDS)[number];
const isKind = (kind: string): kind is Kind => (KINDS as readonly string[]).includes(kind);

/** What the task is, in words: its kind, and for a holiday or a custom task its title. */
export const taskKindText = (task: Pick<TTask, 'kind' | 'title' | 'ruleKey'>, t: TFunction): string => {
  const kind = isKind(task.kind) ? t(`worklist.kinds.${task.kind}`) : task.kind;
  if (task.ruleKey === 'manual_next') return `${kind} · ${t('worklist.manualNext')}`;
  if ((task.kind === 'holiday_care' || task.kind === 'custom') && task.title)
    return `${kind} · ${task.title}`;
  return kind;
};
