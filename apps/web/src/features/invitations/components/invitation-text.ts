import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { isApiError } from '@/lib/api-client';
import { knownMessage } from '@/lib/localise-message';

const MESSAGES: Record<string, string> = {
  'Choose a time later than now.': 'dcc.errors.scheduledPast',
  'Book the visit within 90 days.': 'dcc.errors.scheduledTooFar',
  'Choose an active consultant of this store.': 'dcc.errors.consultant',
};

export const invitationMessage = (message: string, t: TFunction): string => {
  const key = MESSAGES[message];
  return key ? t(key as 'dcc.errors.consultant') : (knownMessage(message, t) ?? message);
};

/** Puts the server's field errors beside the invitation form's fields; true when all found one. */
export const placeInvitationErrors = (form: FormInstance, error: unknown, t: TFunction): boolean => {
  if (!isApiError(error) || !error.fields) return false;
  const names = ['scheduledAt', 'purpose', 'consultantId', 'note'];
  const entries = Object.entries(error.fields);
  const placed = entries.filter(([name]) => names.includes(name));
  form.setFields(placed.map(([name, message]) => ({ name, errors: [invitationMessage(message, t)] })));
  return placed.length > 0 && placed.length === entries.length;
};
