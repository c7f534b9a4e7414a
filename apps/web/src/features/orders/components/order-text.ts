import type { TOrder } from '@qianke/contracts/orders';
import type { TFunction } from 'i18next';
import { isApiError } from '@/lib/api-client';
import { describeApiError } from '@/lib/describe-api-error';

export const money = (value: number, language: string) =>
  `¥${value.toLocaleString(language, { minimumFractionDigits: 0, maximumFractionDigits: 2 })}`;

export const vehicleText = (order: Pick<TOrder, 'vehicle'>) =>
  order.vehicle
    ? [
        order.vehicle.seriesName,
        order.vehicle.modelName,
        order.vehicle.configurationName,
        order.vehicle.colourName,
      ]
        .filter(Boolean)
        .join(' ')
    : '—';

/** The server's order sentences in the reader's language; anything else as usual. */
const KNOWN: ReadonlyArray<readonly [RegExp, (t: TFunction) => string]> = [
  [
    /already (reserved by another order|sold)|Another order took this vehicle/,
    (t) => t('orders.errors.vehicleTaken'),
  ],
  [/^Confirm the order before delivering/, (t) => t('orders.errors.confirmFirst')],
  [/is more than the price after discount/, (t) => t('orders.errors.depositTooHigh')],
  [/^The discount .* is more than the price/, (t) => t('orders.errors.discountTooHigh')],
  [/^The deposit of this order is already paid/, (t) => t('orders.errors.depositPaid')],
  [/^Someone else changed this order/, (t) => t('orders.errors.stale')],
];

export const orderErrorText = (error: unknown, t: TFunction): string => {
  if (isApiError(error)) {
    const messages = [error.message, ...Object.values(error.fields ?? {})];
    for (const [pattern, text] of KNOWN) if (messages.some((m) => pattern.test(m))) return text(t);
  }
  return describeApiError(error, t);
};

/** A field error in the reader's language when the server's sentence is known. */
export const orderFieldText = (message: string, t: TFunction): string => {
  for (const [pattern, text] of KNOWN) if (pattern.test(message)) return text(t);
  return message;
};
