import { normalisePhone } from './phone';

/**
 * What one search box (`q` of the customer list) looks for: part of a name or card number, a fragment
 * of a phone number as staff type it (`0013`, `138 0013`, `+86 138`), or a whole number in any spelling.
 */
export type CustomerSearchTerms = {
  /** Matched as a substring of the name and of the card number. */
  text: string;
  /** Digit fragments matched as substrings of the stored E.164 phone; empty when q is no phone fragment. */
  phoneFragments: string[];
  /** The whole number, when q is one: also matched against other phones of a card. */
  e164: string | undefined;
};

/** Fewer digits than this would match most of the store (and cannot use the trigram index). */
export const MIN_PHONE_FRAGMENT = 3;

const PHONE_CHARACTERS = /^[\d\s\-+().]+$/;

export const customerSearchTermsOf = (q: string): CustomerSearchTerms => {
  const text = q.normalize('NFKC').trim();
  if (!PHONE_CHARACTERS.test(text)) return { text, phoneFragments: [], e164: undefined };
  // 0086 is how many people type +86; stored numbers start with +86.
  const digits = text.replace(/\D/g, '').replace(/^0086/, '86');
  const fragments = new Set<string>();
  if (digits.length >= MIN_PHONE_FRAGMENT) fragments.add(digits);
  // A landline typed with its trunk 0 (021 6234): the stored +8621... has no 0 after the country code.
  if (/^0[1-9]/.test(digits) && digits.length - 1 >= MIN_PHONE_FRAGMENT) fragments.add(digits.slice(1));
  return { text, phoneFragments: [...fragments], e164: normalisePhone(text)?.e164 };
};
