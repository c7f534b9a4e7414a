import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * A customer is identified within a dealer by phone (DOMAIN §2). Every spelling of one number
 * gives one E.164 key: `13800138000`, `+86 138-0013-8000`, `0086 138 0013 8000`, full-width digits.
 */
export type NormalisedPhone = {
  e164: string;
  kind: 'mobile' | 'landline' | 'other';
  country: string | undefined;
};

const CN_MOBILE = /^1[3-9]\d{9}$/;

export const normalisePhone = (raw: string, defaultCountry: 'CN' = 'CN'): NormalisedPhone | undefined => {
  const trimmed = raw.normalize('NFKC').trim();
  if (!/\d/.test(trimmed)) return undefined;
  const digitsOnly = trimmed.replace(/[\s\-().]/g, '');
  // Chinese staff often type the international prefix as 0086 or 86 before a mobile number.
  const prefixed = digitsOnly.replace(/^(?:00|\+)?86(?=1[3-9]\d{9}$)/, '');
  if (CN_MOBILE.test(prefixed)) return { e164: `+86${prefixed}`, kind: 'mobile', country: 'CN' };
  const parsed = parsePhoneNumberFromString(trimmed, defaultCountry);
  if (!parsed?.isValid()) return undefined;
  const type = parsed.getType();
  const kind = type === 'MOBILE' ? 'mobile' : type === 'FIXED_LINE' ? 'landline' : 'other';
  return { e164: parsed.number, kind, country: parsed.country };
};

/** `+8613800138000` -> `138****8000`: for roles that need not see the whole number. */
export const maskPhone = (e164: string): string => {
  const national = e164.startsWith('+86') ? e164.slice(3) : e164;
  if (national.length < 7) return '*'.repeat(national.length);
  return `${national.slice(0, 3)}****${national.slice(-4)}`;
};
