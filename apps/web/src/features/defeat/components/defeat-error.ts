import type { TFunction } from 'i18next';
import { isApiError } from '@/lib/api-client';
import { describeApiError } from '@/lib/describe-api-error';

/** The server's defeat sentences in the reader's language; anything else as usual. */
const KNOWN: ReadonlyArray<readonly [RegExp, (t: TFunction) => string]> = [
  [/already has a defeat request waiting/, (t) => t('defeat.errors.alreadyPending')],
  [/^This lead is already closed/, (t) => t('defeat.errors.leadClosed')],
  [/^The lead was closed .* in the meantime/, (t) => t('defeat.errors.closedMeanwhile')],
  [/^This defeat request was already/, (t) => t('defeat.errors.alreadyDecided')],
  [/^Only the lead's owner or a sales manager/, (t) => t('defeat.errors.notOwner')],
  [/^Name the brand the customer bought instead/, (t) => t('defeat.request.competitorRequired')],
  [/^Choose who takes the lead over/, (t) => t('defeat.decide.ownerRequired')],
  [/^Choose someone other than the current owner/, (t) => t('defeat.errors.sameOwner')],
  [/^The nurturing pool goes to a CRM specialist/, (t) => t('defeat.errors.notNurturer')],
  [/^Leads go to a sales consultant, DCC agent or CRM specialist/, (t) => t('defeat.errors.notAssignee')],
  [/^Tell the consultant why the lead stays open/, (t) => t('defeat.decide.noteRequired')],
];

export const defeatErrorText = (error: unknown, t: TFunction): string => {
  if (isApiError(error)) {
    const messages = [error.message, ...Object.values(error.fields ?? {})];
    for (const [pattern, text] of KNOWN)
      if (messages.some((message) => pattern.test(message))) return text(t);
  }
  return describeApiError(error, t);
};
