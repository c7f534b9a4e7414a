/**
 * A sender's words for the car a lead wants (`秦PLUS`, `Qin PLUS`, `BYD Qin Plus`, `2025款 秦PLUS`),
 * matched to a series of the store's catalog. Only a whole-name match counts: a near miss stays in
 * the lead's note for a person to read, rather than a wrong series on the lead.
 */
export type SeriesRef = {
  id: string;
  name: string;
  nameEn: string | null;
  brandName: string | null;
  brandNameEn: string | null;
};

const YEAR_BEFORE = /^\s*(?:19|20)\d{2}\s*(?:年款|款|\s)\s*/;
const YEAR_AFTER = /\s(?:19|20)\d{2}\s*(?:年款|款)?\s*$/;

/** Case, width, spaces and dashes do not matter; a model year before or after (`2025款`) is dropped. */
export const seriesKey = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(YEAR_BEFORE, '')
    .replace(YEAR_AFTER, '')
    .replace(/[\s_\-·.]+/g, '');

const namesOf = (series: SeriesRef): string[] => {
  const own = [series.name, series.nameEn].filter((n): n is string => Boolean(n));
  const brands = [series.brandName, series.brandNameEn].filter((n): n is string => Boolean(n));
  return [...own, ...brands.flatMap((brand) => own.map((name) => `${brand} ${name}`))];
};

/** The first text (in the caller's order of preference) that names a series; undefined when none does. */
export const matchSeries = (
  catalog: readonly SeriesRef[],
  texts: readonly (string | null | undefined)[],
): SeriesRef | undefined => {
  const keyed = catalog.map((series) => ({ series, keys: namesOf(series).map(seriesKey) }));
  for (const text of texts) {
    const key = text ? seriesKey(text) : '';
    if (!key) continue;
    const found = keyed.find(({ keys }) => keys.includes(key));
    if (found) return found.series;
  }
  return undefined;
};
