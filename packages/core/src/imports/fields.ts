/**
 * What a column of an Excel/CSV import can hold (issue 3, "Excel / CSV import"): the customer's
 * profile-card fields and the inquiry (lead) fields. No I/O here: the web app reads this list too.
 */
export const IMPORT_FIELDS = [
  'name',
  'phone',
  'series',
  'source',
  'level',
  'owner',
  'gender',
  'region',
  'address',
  'occupation',
  'company',
  'currentCar',
  'budget',
  'payment',
  'horizon',
  'note',
  'campaign',
  'date',
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];

export const isImportField = (value: string): value is ImportField =>
  (IMPORT_FIELDS as readonly string[]).includes(value);

/** Every row needs a name and a phone; a source comes from its column or from the default source. */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['name', 'phone'];

/** What can be wrong with one row of a file. A known phone is not a problem: that row is merged. */
export const IMPORT_PROBLEMS = [
  'missing_name',
  'missing_phone',
  'bad_phone',
  'duplicate_in_file',
  'missing_source',
  'unknown_source',
  'unknown_consultant',
  'ambiguous_consultant',
  'unknown_series',
  'bad_level',
  'bad_horizon',
  'bad_gender',
  'bad_budget',
  'bad_payment',
  'bad_date',
  'future_date',
  'too_long',
] as const;

export type ImportProblemCode = (typeof IMPORT_PROBLEMS)[number];

export type ImportProblem = {
  field: ImportField;
  code: ImportProblemCode;
  /** The cell as written, for the person fixing the file. */
  value?: string;
  /** duplicate_in_file: the row where this phone first appears. */
  firstRow?: number;
  /** too_long: the limit in characters. */
  max?: number;
};

/** The largest file an import accepts: rows after the header. */
export const IMPORT_MAX_ROWS = 200_000;
/** The largest upload, in bytes. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
