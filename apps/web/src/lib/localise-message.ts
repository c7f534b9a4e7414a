import type { TFunction } from 'i18next';

/**
 * The server (and the shared zod schemas) word their messages in English. These are the sentences we
 * know, mapped to translated texts; callers show anything else as the server wrote it.
 */
const KNOWN_MESSAGES: ReadonlyArray<readonly [RegExp, (t: TFunction, match: RegExpMatchArray) => string]> = [
  [/^Use at least (\d+) characters\.?$/, (t, m) => t('validation.passwordMin', { count: Number(m[1]) })],
  [/^Use both letters and digits\.?$/, (t) => t('validation.passwordLettersDigits')],
  [/^The password must not contain the username\.?$/, (t) => t('validation.passwordContainsUsername')],
  [/^2-32 characters: lower-case letters/, (t) => t('validation.username')],
  [/^Enter the name shown to colleagues\.?$/, (t) => t('validation.displayNameRequired')],
  [/^Use at most (\d+) characters\.?$/, (t, m) => t('validation.maxChars', { count: Number(m[1]) })],
  [
    /^Too big: expected string to have <=?(\d+) characters$/,
    (t, m) => t('validation.maxChars', { count: Number(m[1]) }),
  ],
  [/^A letter and two digits, e\.g\. A01\.?$/, (t) => t('validation.consultantCode')],
  [/^Give the user at least one role\.?$/, (t) => t('validation.rolesRequired')],
  [/^Choose one of: /, (t) => t('validation.roleInvalid')],
  [/^2-16 letters, digits or dashes/, (t) => t('validation.storeCode')],
  [/^Enter the store name\.?$/, (t) => t('validation.storeName')],
  [/^Choose an IANA time zone/, (t) => t('validation.timeZone')],
  [
    /^This lead is closed as (won|lost): a closed lead is not graded\.?$/,
    (t, m) => t(m[1] === 'won' ? 'validation.leadClosedWon' : 'validation.leadClosedLost'),
  ],
  [/^A local time such as (\d\d:\d\d)\.?$/, (t, m) => t('validation.localTime', { example: m[1] })],
  [/^Enter a number of minutes from 1 to 1440\.?$/, (t) => t('validation.alertMinutes')],
  [/^The store must open before it closes/, (t) => t('validation.openBeforeClose')],
  [/^Enter your username\.?$/, (t) => t('auth.login.usernameRequired')],
  [/^Enter your password\.?$/, (t) => t('auth.login.passwordRequired')],
  [/^Enter your current password\.?$/, (t) => t('auth.changePassword.currentRequired')],
  [/^The current password is wrong\.?$/, (t) => t('auth.changePassword.currentWrong')],
  [/^Choose a password different from the current one\.?$/, (t) => t('auth.changePassword.sameAsCurrent')],
  [/^This username is taken\.?$/, (t) => t('validation.usernameTaken')],
  [/^Another consultant of this store has this code\.?$/, (t) => t('validation.consultantCodeTaken')],
  [/^Another store of the group already uses this code\.?$/, (t) => t('validation.storeCodeTaken')],
  [/^You cannot disable your own account\.?$/, (t) => t('users.disable.self')],
  [/^You cannot remove your own administrator role/, (t) => t('validation.ownAdminRole')],
  [/^This account is disabled\./, (t) => t('auth.login.accountDisabled')],
  [/^Qianke is already set up\./, (t) => t('setup.alreadyDone')],
  [/^Remove the invisible NUL character/, (t) => t('validation.nulCharacter')],
  [/^Some (form|query) fields hold an invisible NUL character/, (t) => t('validation.nulFields')],
  [/^A text holds a character that cannot be saved/, (t) => t('validation.unsavableText')],
];

export const knownMessage = (message: string, t: TFunction): string | undefined => {
  for (const [pattern, translate] of KNOWN_MESSAGES) {
    const match = message.match(pattern);
    if (match) return translate(t, match);
  }
  return undefined;
};
