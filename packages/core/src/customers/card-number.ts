/**
 * Customer card number (客户资料卡编号, seed 003): consultant code - 2-digit year - serial, e.g.
 * `A01-26-0001`, unique per store. Customers without a consultant use the pool code `Z99`.
 */
export const POOL_CARD_PREFIX = 'Z99';

export const cardPrefixOf = (consultantCode: string | null | undefined): string =>
  consultantCode ?? POOL_CARD_PREFIX;

/** The year the card is opened in, as the store's calendar has it (not UTC's). */
export const cardYearOf = (openedAt: Date, timeZone: string): number =>
  Number(new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(openedAt));

export const formatCardNumber = (prefix: string, year: number, serial: number): string =>
  `${prefix}-${String(year % 100).padStart(2, '0')}-${String(serial).padStart(4, '0')}`;
