import { DomainError } from '../shared/domain-error';

/**
 * Vehicle identification numbers (车辆识别代号, VIN). ISO 3779 fixes 17 characters, digits and capital
 * letters without I, O and Q. Position 9 is a check digit in North America (FMVSS 115) and in China
 * (GB 16735, which every vehicle sold in China follows): the weighted sum of the transliterated
 * characters modulo 11, where 10 is written X. Qianke sells in China, so every VIN is checked.
 */
export const VIN_LENGTH = 17;

const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/;

/** ISO 3779 transliteration: A-H 1-8, J-N 1-5, P 7, R 9, S-Z 2-9. */
const LETTER_VALUES: Readonly<Record<string, number>> = Object.fromEntries(
  (
    [
      ['ABCDEFGH', 1],
      ['JKLMN', 1],
      ['P', 7],
      ['R', 9],
      ['STUVWXYZ', 2],
    ] as const
  ).flatMap(([run, first]) => [...run].map((char, i) => [char, first + i])),
);

const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2] as const;

/** Trims spaces anywhere and upper-cases: what a person typed or scanned, as it is stored. */
export const normaliseVin = (raw: string): string => raw.replace(/\s+/g, '').toUpperCase();

/** The check digit (0-9 or X) a VIN of 17 allowed characters must carry at position 9. */
export const vinCheckDigit = (vin: string): string => {
  let sum = 0;
  for (let i = 0; i < VIN_LENGTH; i++) {
    const char = vin[i] ?? '0';
    const value = /\d/.test(char) ? Number(char) : (LETTER_VALUES[char] ?? 0);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const rest = sum % 11;
  return rest === 10 ? 'X' : String(rest);
};

export type VinProblem =
  | { kind: 'length'; length: number }
  | { kind: 'characters'; invalid: string[] }
  | { kind: 'check_digit'; expected: string; actual: string };

/** What is wrong with a normalised VIN, or null when it is valid. */
export const vinProblemOf = (vin: string): VinProblem | null => {
  if (vin.length !== VIN_LENGTH) return { kind: 'length', length: vin.length };
  if (!VIN_PATTERN.test(vin)) {
    const invalid = [...new Set([...vin].filter((c) => !/[A-HJ-NPR-Z0-9]/.test(c)))];
    return { kind: 'characters', invalid };
  }
  const expected = vinCheckDigit(vin);
  const actual = vin[8] ?? '';
  return actual === expected ? null : { kind: 'check_digit', expected, actual };
};

export const vinProblemMessage = (problem: VinProblem): string => {
  switch (problem.kind) {
    case 'length':
      return `A VIN has 17 characters; this one has ${problem.length}.`;
    case 'characters':
      return `A VIN uses digits and capital letters except I, O and Q; remove or correct ${problem.invalid.join(' ')}.`;
    case 'check_digit':
      return `The check digit (9th character) should be ${problem.expected}, not ${problem.actual}: check the VIN for a typing mistake.`;
  }
};

/** The VIN as stored, or a validation error naming `field` with what to correct. */
export const parseVin = (raw: string, field = 'vin'): string => {
  const vin = normaliseVin(raw);
  const problem = vinProblemOf(vin);
  if (problem) {
    const message = vinProblemMessage(problem);
    throw new DomainError('validation_failed', message, { fields: { [field]: message } });
  }
  return vin;
};
