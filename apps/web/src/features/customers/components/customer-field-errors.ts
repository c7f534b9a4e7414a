import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { isApiError } from '@/lib/api-client';
import { customerMessage } from './customer-text';

/** `lead.sourceId` -> ['lead', 'sourceId'], `otherPhones.0.phone` -> ['otherPhones', 0, 'phone']. */
const namePathOf = (serverName: string): (string | number)[] =>
  serverName.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/**
 * Puts the server's per-field messages next to their (possibly nested) form fields, in the user's
 * language. Returns true when every message found a field of `known`, so no general alert is needed.
 */
export const applyCustomerFieldErrors = <Values>(
  form: FormInstance<Values>,
  error: unknown,
  t: TFunction,
  known: (path: (string | number)[]) => boolean,
): boolean => {
  if (!isApiError(error) || !error.fields) return false;
  const entries = Object.entries(error.fields).map(([name, message]) => ({
    name: namePathOf(name),
    errors: [customerMessage(message, t)],
  }));
  const placed = entries.filter((entry) => known(entry.name));
  if (placed.length > 0) form.setFields(placed as never);
  return placed.length > 0 && placed.length === entries.length;
};
