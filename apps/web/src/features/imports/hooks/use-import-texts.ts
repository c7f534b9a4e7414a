import type { TImportField, TImportProblem } from '@qianke/contracts/imports';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { describeApiError } from '@/lib/describe-api-error';

/** The server words its refusals of a file in English; these are the ones we say in the user's language. */
const FILE_ERRORS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^The file is empty\.$/, 'imports.errors.empty'],
  [/no header row/, 'imports.errors.noHeader'],
  [/no customer rows/, 'imports.errors.noRows'],
  [/more than [\d,]+ rows/, 'imports.errors.tooManyRows'],
  [/more than \d+ columns/, 'imports.errors.tooManyColumns'],
  [/larger than/, 'imports.errors.tooLarge'],
  [/old Excel file/, 'imports.errors.oldXls'],
  [/neither an \.xlsx nor a \.csv/, 'imports.errors.notSpreadsheet'],
  [/cannot be read/, 'imports.errors.unreadable'],
  [/Send the file itself/, 'imports.errors.wrongType'],
  [/already been imported/, 'imports.errors.alreadyImported'],
  [/Map the columns/, 'imports.errors.notMapped'],
];

/** Field names, problem sentences and error texts of the import screens. */
export const useImportTexts = () => {
  const { t } = useTranslation();

  const fieldLabel = useCallback((field: TImportField) => t(`imports.fields.${field}`), [t]);

  const problemText = useCallback(
    (problem: TImportProblem) =>
      t(`imports.problems.${problem.code}`, {
        value: problem.value ?? '',
        firstRow: problem.firstRow ?? '',
        max: problem.max ?? '',
        field: t(`imports.fields.${problem.field}`),
      }),
    [t],
  );

  const errorText = useCallback(
    (error: unknown) => {
      if (isApiError(error)) {
        const known = FILE_ERRORS.find(([pattern]) => pattern.test(error.message));
        if (known) return t(known[1] as 'imports.errors.empty');
      }
      return describeApiError(error, t);
    },
    [t],
  );

  return { fieldLabel, problemText, errorText };
};
