import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { isApiError } from '@/lib/api-client';
import { describeApiError } from '@/lib/describe-api-error';
import { storeSlotParts } from './store-time';

/**
 * The server words its test-drive messages in English; these are the ones a form shows next to a
 * field, in the user's language. Anything else is shown as the server wrote it.
 */
const KNOWN: ReadonlyArray<readonly [RegExp, (t: TFunction, m: RegExpMatchArray) => string]> = [
  [/has 18 characters/, (t) => t('testDrives.errors.licenceLength')],
  [/17 digits and a last character/, (t) => t('testDrives.errors.licenceFormat')],
  [/date of birth/, (t) => t('testDrives.errors.licenceBirth')],
  [/check digit/, (t) => t('testDrives.errors.licenceCheckDigit')],
  [/^Check the customer's driving licence/, (t) => t('testDrives.errors.licenceFirst')],
  [/already passed/, (t) => t('testDrives.errors.past')],
  [/open (\d\d:\d\d)–(\d\d:\d\d)/, (t, m) => t('testDrives.errors.hours', { opens: m[1], closes: m[2] })],
  [/already has a demo car with this plate/, (t) => t('testDrives.errors.plateTaken')],
];

const knownText = (message: string, t: TFunction): string | undefined => {
  for (const [pattern, translate] of KNOWN) {
    const match = message.match(pattern);
    if (match) return translate(t, match);
  }
  return undefined;
};

export const testDriveMessage = (message: string, t: TFunction): string => knownText(message, t) ?? message;

/** The booking a refused one overlaps, from the error's details (the server sends its instants). */
const clashOf = (error: unknown): { startsAt: string; endsAt: string } | undefined => {
  if (!isApiError(error)) return undefined;
  const clash = error.details?.clash as { startsAt?: unknown; endsAt?: unknown } | undefined;
  if (typeof clash?.startsAt !== 'string' || typeof clash.endsAt !== 'string') return undefined;
  return { startsAt: clash.startsAt, endsAt: clash.endsAt };
};

/** "Already booked 10:00–11:00 on …" on the store's clock, when the error is a clash with another booking. */
const clashText = (error: unknown, t: TFunction, timeZone: string | undefined): string | undefined => {
  const clash = clashOf(error);
  if (!clash || !timeZone) return undefined;
  return t('testDrives.errors.clash', storeSlotParts(clash, timeZone));
};

/**
 * Puts the server's field messages next to the form's fields (`fieldOf` maps a server field to a form
 * field). Returns true when every message found its field; else the caller shows a general alert.
 */
export const placeFieldErrors = <Values>(
  form: FormInstance<Values>,
  error: unknown,
  t: TFunction,
  fieldOf: Record<string, string>,
  timeZone?: string,
): boolean => {
  if (!isApiError(error) || !error.fields) return false;
  const entries = Object.entries(error.fields);
  const placed = entries.filter(([server]) => fieldOf[server] !== undefined);
  const clash = clashText(error, t, timeZone);
  if (placed.length > 0)
    form.setFields(
      placed.map(([server, message]) => ({
        name: fieldOf[server] as never,
        errors: [(server === 'startsAt' ? clash : undefined) ?? testDriveMessage(message, t)],
      })),
    );
  return placed.length > 0 && placed.length === entries.length;
};

/** A failure as one sentence for an alert (a clash on the store's clock when `timeZone` is given). */
export const testDriveErrorText = (error: unknown, t: TFunction, timeZone?: string): string =>
  clashText(error, t, timeZone) ??
  (isApiError(error) ? knownText(error.message, t) : undefined) ??
  describeApiError(error, t);
