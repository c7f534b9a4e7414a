import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { isApiError } from '@/lib/api-client';
import { knownMessage } from '@/lib/localise-message';

/** The server's sentences of the DCC desk (packages/core/src/dcc), in the reader's language. */
const MESSAGES: Record<string, string> = {
  'Say when to call the customer back.': 'dcc.errors.nextRequired',
  'The next call must be later than now.': 'dcc.errors.nextPast',
  'Plan the next call within 90 days.': 'dcc.errors.nextTooFar',
  'This outcome plans no further call: leave the next call time empty.': 'dcc.errors.nextNotAllowed',
  'An invited customer needs the invitation: date and time, purpose and consultant.':
    'dcc.errors.invitationRequired',
  'Choose a time later than now.': 'dcc.errors.scheduledPast',
  'Book the visit within 90 days.': 'dcc.errors.scheduledTooFar',
  'Choose an active consultant of this store.': 'dcc.errors.consultant',
  'This is not a phone number we can call: check the digits.': 'dcc.errors.phone',
};

export const dccMessage = (message: string, t: TFunction): string => {
  const key = MESSAGES[message];
  return key ? t(key as 'dcc.errors.phone') : (knownMessage(message, t) ?? message);
};

/** Server field names of a call and where they are in the call form. */
const FIELD_OF: Record<string, string> = {
  outcome: 'outcome',
  note: 'note',
  nextCallAt: 'nextCallAt',
  invitation: 'invitationAt',
  'invitation.scheduledAt': 'invitationAt',
  'invitation.purpose': 'purpose',
  'invitation.consultantId': 'consultantId',
  'invitation.note': 'note',
  phone: 'phone',
  'capture.name': 'name',
  'capture.sourceId': 'name',
};

/** Shows the server's field errors beside the fields; true when every one found its field. */
export const placeFieldErrors = (form: FormInstance, error: unknown, t: TFunction): boolean => {
  if (!isApiError(error) || !error.fields) return false;
  const entries = Object.entries(error.fields).map(([name, message]) => ({
    name: FIELD_OF[name],
    text: dccMessage(message, t),
  }));
  const placed = entries.filter((e): e is { name: string; text: string } => e.name !== undefined);
  form.setFields(placed.map(({ name, text }) => ({ name, errors: [text] })));
  return placed.length > 0 && placed.length === entries.length;
};
