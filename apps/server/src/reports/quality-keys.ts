import { DomainError } from '@qianke/core/shared/domain-error';

/**
 * The drill-down key of a breakdown row: `<dimension>:<value>`, `none` for the row without a value
 * (`series:none`). Absent = the whole figure.
 */
export type RowKey = { dimension: string; value: string | null };

export const rowKeyOf = (dimension: string, value: string | null): string =>
  `${dimension}:${value ?? 'none'}`;

export const parseRowKey = (key: string | undefined, dimensions: readonly string[]): RowKey | undefined => {
  if (key === undefined || key === '') return undefined;
  const at = key.indexOf(':');
  const dimension = at > 0 ? key.slice(0, at) : '';
  if (!dimensions.includes(dimension)) {
    const message = `Choose a row such as ${dimensions.map((d) => `${d}:<id>`).join(', ')}.`;
    throw new DomainError('validation_failed', message, { fields: { key: message } });
  }
  const value = key.slice(at + 1);
  return { dimension, value: value === 'none' ? null : value };
};
