import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

const CN_MOBILE_E164 = /^\+861[3-9]\d{9}$/;

/**
 * A stored phone (E.164) as staff read and dial it: a CN mobile as its 11 digits (`13800138000`), a CN
 * landline with its area code (`021 6234 5678`), a foreign number in international form.
 */
export const displayPhone = (e164: string): string => {
  if (CN_MOBILE_E164.test(e164)) return e164.slice(3);
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === 'CN' ? parsed.formatNational() : parsed.formatInternational();
};
