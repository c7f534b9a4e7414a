import { wallClockOf } from '../shared/local-time';
/**
 * Customer card number (客户资料卡编号, seed 003): consultant code - 2-digit year - serial, e.g.
 * `A01-26-0001`, unique per store. Customers without a consultant use the pool code `Z99`.
 */
export const POOL_CARD_PREFIX = 'Z99';

export const cardPrefixOf = (consultantCode: string | null | undefined): string =>
  consultantCode ?? POOL_CARD_PREFIX;

/** The year the card is opened in, as the store's calendar has it (not UTC's). */
export const cardYearOf = (openedAt: Date, timeZone: string): number => wallClockOf(openedAt, timeZone).year;

export const formatCardNumber = (prefix: string, year: number, serial: number): string =>
  `${prefix}-${String(year % 100).padStart(2, '0')}-${String(serial).padStart(4, '0')}`;

/** One card-number series: a prefix and a year. */
export type CardSeries = { prefix: string; year: number };

const seriesKey = (s: CardSeries) => `${s.prefix}/${s.year}`;

/** How many new cards each series needs, for cards opened together (an import batch). */
export const cardSeriesCounts = (cards: readonly CardSeries[]): (CardSeries & { count: number })[] => {
  const counts = new Map<string, CardSeries & { count: number }>();
  for (const card of cards) {
    const key = seriesKey(card);
    const entry = counts.get(key) ?? { prefix: card.prefix, year: card.year, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()];
};

/**
 * The numbers of cards opened together, in their order, once each series has reserved its block: the
 * series' serials up to `lastSerial` (after the reservation) are theirs, the first card taking the
 * lowest. The same numbers as opening the cards one after another.
 */
export const numberCards = (
  cards: readonly CardSeries[],
  reserved: readonly (CardSeries & { lastSerial: number })[],
): string[] => {
  const counts = new Map(cardSeriesCounts(cards).map((s) => [seriesKey(s), s.count]));
  const next = new Map<string, number>();
  for (const r of reserved) {
    next.set(seriesKey(r), r.lastSerial - (counts.get(seriesKey(r)) ?? 0) + 1);
  }
  return cards.map((card) => {
    const key = seriesKey(card);
    const serial = next.get(key);
    if (serial === undefined) throw new Error(`no serials were reserved for ${key}`);
    next.set(key, serial + 1);
    return formatCardNumber(card.prefix, card.year, serial);
  });
};
