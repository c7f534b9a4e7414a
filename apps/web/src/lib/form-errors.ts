import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { isApiError } from './api-client';
import { knownMessage } from './localise-message';

/** Texts for a field that clashes with an existing record (409 conflict naming the field). */
export type ConflictTexts = Record<string, string>;

type ApplyOptions = {
  /** The form's field names; server fields not among them are left for the general message. */
  fieldNames: readonly string[];
  /** Per-field text when the server answers 409 conflict naming that field. */
  conflictTexts?: ConflictTexts;
};

/**
 * Puts the server's per-field messages next to their form fields (422 validation_failed, 409 conflict).
 * Returns true when every message found its field, so the caller can skip a general alert.
 */
export const applyFieldErrors = <Values>(
  form: FormInstance<Values>,
  error: unknown,
  t: TFunction,
  options: ApplyOptions,
): boolean => {
  if (!isApiError(error) || !error.fields) return false;
  const entries = Object.entries(error.fields).map(([serverName, message]) => {
    // "roles.0" belongs to the roles field.
    const name = serverName.split('.')[0] ?? serverName;
    const conflictText = error.code === 'conflict' ? options.conflictTexts?.[name] : undefined;
    const text =
      conflictText ??
      knownMessage(message, t) ??
      (error.code === 'conflict' ? t('validation.taken') : message);
    return { name, text };
  });
  const placed = entries.filter(({ name }) => options.fieldNames.includes(name));
  if (placed.length > 0)
    form.setFields(placed.map(({ name, text }) => ({ name: name as never, errors: [text] })));
  return placed.length > 0 && placed.length === entries.length;
};
