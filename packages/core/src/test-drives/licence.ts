/**
 * A PRC driving licence (驾驶证) number is the holder's 18-character resident ID number (GB 11643):
 * 6 digits of region, 8 of birth date (YYYYMMDD), 3 of sequence, and a check character 0-9 or X.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Spaces dropped, a lower-case x made upper-case: what staff type as the card shows it. */
export const normaliseLicenceNo = (value: string): string => value.replace(/\s+/g, '').toUpperCase();

/** The check character GB 11643 computes from the first 17 digits. */
export const licenceCheckCharOf = (first17: string): string => {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] as string;
};

const isRealDate = (yyyymmdd: string): boolean => {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/**
 * What is wrong with a licence number, as a sentence staff can act on, or undefined when it is valid.
 * `today` (YYYY-MM-DD) rules out birth dates in the future.
 */
export const licenceNoProblem = (value: string, today?: string): string | undefined => {
  const no = normaliseLicenceNo(value);
  if (no.length === 0) return 'Enter the driving licence number.';
  if (no.length !== 18)
    return `A driving licence number has 18 characters; this one has ${no.length}. Check it against the card.`;
  if (!/^\d{17}[\dX]$/.test(no))
    return 'A driving licence number is 17 digits and a last character 0-9 or X. Check it against the card.';
  const birth = no.slice(6, 14);
  const birthIso = `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`;
  if (!isRealDate(birth) || Number(birth.slice(0, 4)) < 1900 || (today !== undefined && birthIso > today))
    return `Characters 7-14 should be the holder's date of birth; ${birth} is not one. Check the number.`;
  const expected = licenceCheckCharOf(no.slice(0, 17));
  if (no[17] !== expected)
    return 'The last character does not match the others (check digit): a character was mistyped. Check the number.';
  return undefined;
};
