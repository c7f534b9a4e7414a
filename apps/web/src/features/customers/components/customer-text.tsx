import type { TCatalogRef, TSourceRef } from '@qianke/contracts/customers';
import { PHONE_PROBLEM } from '@qianke/contracts/customers';
import type { Level } from '@qianke/core/leads/grading';
import { type Horizon, type Temperature, temperatureOf } from '@qianke/core/leads/horizon';
import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { isApiError } from '@/lib/api-client';
import { describeApiError } from '@/lib/describe-api-error';
import type { Language } from '@/lib/i18n/language';
import { knownMessage } from '@/lib/localise-message';

/** The name of a source or catalog entry in the user's language (Chinese when no English name). */
export const sourceName = (source: Pick<TSourceRef, 'nameZh' | 'nameEn'> | null, language: Language) =>
  source ? (language === 'en' ? source.nameEn : source.nameZh) : null;

export const catalogName = (ref: Pick<TCatalogRef, 'name' | 'nameEn'> | null, language: Language) =>
  ref ? (language === 'en' ? (ref.nameEn ?? ref.name) : ref.name) : null;

const LEVEL_COLOURS: Record<Level, string> = { O: 'magenta', H: 'red', A: 'orange', B: 'blue', C: 'default' };

export const LevelTag = ({ level }: { level: Level | null }) =>
  level ? <Tag color={LEVEL_COLOURS[level]}>{level}</Tag> : null;

const TEMPERATURE_COLOURS: Record<Temperature, string> = { hot: 'red', warm: 'orange', cold: 'blue' };

/** Hot, warm or cold (DOMAIN §2): what the purchase horizon means for the follow-up. */
export const TemperatureTag = ({ horizon, t }: { horizon: Horizon | null; t: TFunction }) => {
  if (!horizon) return null;
  const temperature = temperatureOf(horizon);
  return (
    <Tag color={TEMPERATURE_COLOURS[temperature]} data-temperature={temperature}>
      {t(`leadGrading.temperature.${temperature}`)}
    </Tag>
  );
};

const STATUS_COLOURS = { open: 'processing', nurturing: 'purple', won: 'success', lost: 'default' } as const;

export const StatusTag = ({ status, t }: { status: keyof typeof STATUS_COLOURS | null; t: TFunction }) =>
  status ? <Tag color={STATUS_COLOURS[status]}>{t(`customers.status.${status}`)}</Tag> : null;

/** The server's sentences about customers, sources and merges, in the user's language. */
const CUSTOMER_MESSAGES: ReadonlyArray<readonly [RegExp, (t: TFunction, m: RegExpMatchArray) => string]> = [
  [
    new RegExp(`^${PHONE_PROBLEM.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
    (t) => t('customers.validation.phone'),
  ],
  [/^Enter the phone number\.$/, (t) => t('customers.validation.phoneRequired')],
  [/^Enter the customer's name\.$/, (t) => t('customers.validation.nameRequired')],
  [/^The upper budget must not be below the lower one\.$/, (t) => t('customers.validation.budgetOrder')],
  [/^Choose where the lead came from\.$/, (t) => t('customers.validation.sourceRequired')],
  [/^This source is no longer in use/, (t) => t('customers.validation.sourceInactive')],
  [/^Choose an active consultant of this store/, (t) => t('customers.validation.ownerInvalid')],
  [
    /^(This model|This colour|Choose a (series|model|colour))/,
    (t) => t('customers.validation.catalogInvalid'),
  ],
  [/^At most 5 further numbers\.$/, (t) => t('customers.validation.otherPhonesMax')],
  [
    /^This phone belongs to (.+) \((.+)\), owned by (.+)\.$/,
    (t, m) => t('customers.duplicate.fieldOwned', { name: m[1], cardNo: m[2], owner: m[3] }),
  ],
  [
    /^This phone belongs to (.+) \((.+)\), not assigned to anyone yet\.$/,
    (t, m) => t('customers.duplicate.fieldPool', { name: m[1], cardNo: m[2] }),
  ],
  [/^Someone else changed this customer/, (t) => t('customers.stale')],
  [/^This page link is out of date/, (t) => t('customers.list.cursorOutdated')],
  [/^This customer has no phone number/, (t) => t('customers.validation.noPhone')],
  [/^This customer was merged into another customer\.$/, (t) => t('customers.detail.merged')],
  [/^Choose at least two customers to merge\.$/, (t) => t('customers.merge.atLeastTwo')],
];

/** One server sentence: ours, then the app's known ones, else as written. */
export const customerMessage = (message: string, t: TFunction): string => {
  for (const [pattern, translate] of CUSTOMER_MESSAGES) {
    const match = message.match(pattern);
    if (match) return translate(t, match);
  }
  return knownMessage(message, t) ?? message;
};

/** A merge refusal lists one sentence per customer: each is put in the user's language. */
export const mergeProblemsOf = (message: string, t: TFunction): string[] => {
  const problems = [
    ...message.matchAll(
      /(.+?) (is a fleet customer and cannot be merged|has orders and cannot be merged|was already merged into another customer)\.\s*/g,
    ),
  ].map((m) => {
    const name = m[1]?.trim() ?? '';
    if (m[2]?.startsWith('is a fleet')) return t('customers.merge.problemFleet', { name });
    if (m[2]?.startsWith('has orders')) return t('customers.merge.problemOrders', { name });
    return t('customers.merge.problemMerged', { name });
  });
  return problems.length > 0 ? problems : [customerMessage(message, t)];
};

/** One sentence for a failure: our own sentences translated, else the app's general description. */
export const describeCustomerError = (error: unknown, t: TFunction): string => {
  if (isApiError(error)) {
    const ours = customerMessage(error.message, t);
    if (ours !== error.message) return ours;
  }
  return describeApiError(error, t);
};
