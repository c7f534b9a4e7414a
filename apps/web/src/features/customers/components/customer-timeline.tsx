import type { TTimelineEntry } from '@qianke/contracts/customers';
import { Alert, Button, Empty, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import type { Language } from '@/lib/i18n/language';
import { useLanguage } from '@/lib/i18n/use-language';
import { useCustomerTimeline } from '../api/get-customer-timeline';
import { describeCustomerError } from './customer-text';

const COLOURS: Record<TTimelineEntry['type'], string> = {
  lead: 'blue',
  visit: 'green',
  phone_in: 'green',
  follow_up: 'gray',
  level_change: 'orange',
  order: 'red',
  change: 'gray',
  test_drive: 'purple',
  // DCC (issue 5)
  call: 'cyan',
  invitation: 'magenta',
};

const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/** One line of facts under the entry's title, from the details the server recorded. */
const factsOf = (entry: TTimelineEntry, t: TFunction, language: Language, timeZone: string): string[] => {
  const d = entry.details;
  switch (entry.type) {
    case 'lead':
      return [
        str(language === 'en' ? d.sourceNameEn : d.sourceNameZh),
        str(d.series),
        str(d.level) && `${t('customers.fields.level')} ${d.level}`,
        str(d.horizon) && t(`customers.horizons.${d.horizon as 'm1'}`),
        str(d.status) && t(`customers.status.${d.status as 'open'}`),
        str(d.campaignCode) && `${t('customers.fields.campaignCode')} ${d.campaignCode}`,
      ].filter((f): f is string => Boolean(f));
    case 'visit':
    case 'phone_in':
      return [
        d.firstVisit === true ? t('customers.timeline.firstVisit') : t('customers.timeline.repeatVisit'),
        typeof d.partySize === 'number' && entry.type === 'visit'
          ? t('customers.timeline.partySize', { count: d.partySize })
          : null,
        str(d.series),
        str(d.leftAt) &&
          t('customers.timeline.leftAt', { time: formatDateTime(str(d.leftAt), timeZone, language) }),
      ].filter((f): f is string => Boolean(f));
    case 'follow_up':
      return [
        str(d.channel) && t(`customers.timeline.channels.${d.channel as 'phone'}`),
        str(d.result) && `${t('customers.timeline.result')}: ${d.result}`,
        str(d.levelAfter) && d.levelAfter !== d.levelBefore
          ? `${d.levelBefore ?? '-'} → ${d.levelAfter}`
          : null,
      ].filter((f): f is string => Boolean(f));
    case 'level_change':
      return [str(d.reason)].filter((f): f is string => Boolean(f));
    case 'order':
      return [
        // Orders (issue 5): what happened (created, confirmed, deposit, delivered, cancelled).
        str(d.event) && t(`customers.timeline.orderEvents.${d.event as 'created'}`),
        str(d.status) && t(`customers.timeline.orderStatus.${d.status as 'draft'}`),
        typeof d.price === 'number' ? `¥${d.price.toLocaleString(language)}` : null,
      ].filter((f): f is string => Boolean(f));
    case 'change':
      return [];
    case 'test_drive':
      return [
        [str(d.series), str(d.plateNo)].filter(Boolean).join(' '),
        str(d.status) && t(`testDrives.status.${d.status as 'booked'}`),
        typeof d.rating === 'number' ? t('testDrives.ratingOf', { rating: d.rating }) : null,
        str(d.route) && `${t('testDrives.fields.route')}: ${d.route}`,
      ].filter((f): f is string => Boolean(f));
    // DCC (issue 5)
    case 'call':
      return [
        str(d.outcome) && t(`dcc.outcomes.${d.outcome as 'reached'}`),
        d.direction === 'inbound' ? t('dcc.inbound.title') : null,
      ].filter((f): f is string => Boolean(f));
    case 'invitation':
      return [
        str(d.scheduledAt) && formatDateTime(str(d.scheduledAt), timeZone, language),
        str(d.purpose) && t(`invitations.purposes.${d.purpose as 'viewing'}`),
        str(d.status) && t(`invitations.statuses.${d.status as 'scheduled'}`),
      ].filter((f): f is string => Boolean(f));
  }
};

const FIELD_LABELS = {
  name: 'customers.fields.name',
  kind: 'customers.fields.kind',
  phone: 'customers.fields.phone',
  otherPhones: 'customers.fields.otherPhones',
  gender: 'customers.fields.gender',
  region: 'customers.fields.region',
  address: 'customers.fields.address',
  occupation: 'customers.fields.occupation',
  company: 'customers.fields.company',
  currentCar: 'customers.fields.currentCar',
  budgetMin: 'customers.fields.budgetMin',
  budgetMax: 'customers.fields.budgetMax',
  paymentIntent: 'customers.fields.paymentIntent',
} as const;

const isLabelled = (field: string): field is keyof typeof FIELD_LABELS => field in FIELD_LABELS;

/** The entry's own words; for a change of the card, what changed, in the user's language. */
const summaryOf = (entry: TTimelineEntry, t: TFunction, language: Language): string => {
  if (entry.type !== 'change') return entry.summary;
  switch (entry.details.action) {
    case 'customer.update':
      return t('customers.timeline.changedFields', {
        fields: entry.summary
          .split(', ')
          .map((field) => (isLabelled(field) ? t(FIELD_LABELS[field]) : field))
          .join(language === 'en' ? ', ' : '、'),
      });
    case 'customer.merge':
      return t('customers.timeline.mergedCards', { cards: entry.summary });
    case 'customer.create':
      return t('customers.timeline.openedCard', { cardNo: entry.summary });
    case 'customer.merged_into':
      return t('customers.timeline.mergedInto', { cardNo: entry.summary });
    default:
      return entry.summary;
  }
};

const titleOf = (entry: TTimelineEntry, t: TFunction): string => {
  if (entry.type === 'change') {
    const action = str(entry.details.action) ?? '';
    const known = [
      'customer.create',
      'customer.update',
      'customer.merge',
      'customer.merged_into',
      'customer.fleet',
    ];
    return known.includes(action)
      ? t(`customers.timeline.actions.${action.replace('customer.', '') as 'create'}`)
      : t('customers.timeline.types.change');
  }
  return t(`customers.timeline.types.${entry.type}`);
};

/** Everything that happened to the customer, newest first: leads, visits, calls, follow-ups, changes. */
export const CustomerTimeline = ({ customerId, timeZone }: { customerId: string; timeZone: string }) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const timeline = useCustomerTimeline(customerId);

  if (timeline.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (timeline.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title={describeCustomerError(timeline.error, t)}
        action={
          <Button size="small" onClick={() => void timeline.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (timeline.data.items.length === 0) return <Empty description={t('customers.timeline.empty')} />;

  return (
    <Timeline
      data-testid="customer-timeline"
      items={timeline.data.items.map((entry) => {
        const facts = factsOf(entry, t, language, timeZone);
        return {
          key: `${entry.type}-${entry.id}`,
          color: COLOURS[entry.type],
          content: (
            <div data-testid={`timeline-${entry.type}`}>
              <Space size={8} wrap>
                <Typography.Text strong>{titleOf(entry, t)}</Typography.Text>
                <Typography.Text type="secondary">
                  {formatDateTime(entry.at, timeZone, language)}
                </Typography.Text>
                {entry.who && <Tag>{entry.who.name}</Tag>}
              </Space>
              {entry.summary && <div>{summaryOf(entry, t, language)}</div>}
              {facts.length > 0 && (
                <div>
                  <Typography.Text type="secondary">{facts.join(' · ')}</Typography.Text>
                </div>
              )}
            </div>
          ),
        };
      })}
    />
  );
};
