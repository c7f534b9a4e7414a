import { ORDER_STATUSES } from '@qianke/core/orders/order-state';
import { z } from 'zod';
import { ZId, ZPageQuery, ZVersion } from './common';
import { ZCustomerName, ZGender, ZPhoneInput } from './customers';

/** Sales orders (销售订单), the printable order sheet and owner cards (DOMAIN §3). */
export const ZOrderStatus = z.enum(ORDER_STATUSES);
export const ZPaymentMethod = z.enum(['cash', 'loan'], { message: 'Choose cash or loan.' });
export const LOAN_STATUSES = ['applied', 'approved', 'rejected', 'disbursed'] as const;
export const ZLoanStatus = z.enum(LOAN_STATUSES, {
  message: 'Choose applied, approved, rejected or disbursed.',
});

const ZAmount = z
  .number({ message: 'Enter an amount in yuan.' })
  .min(0, { message: 'An amount cannot be negative.' })
  .max(100_000_000, { message: 'That amount is too large.' });
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `Use at most ${max} characters.` });
const ZDay = z.iso.date({ message: 'Use a date such as 2026-11-25.' });

export const ZTradeIn = z
  .object({
    brand: text(40).min(1, { message: 'Enter the brand of the car taken in part exchange.' }),
    model: text(60).nullish(),
    year: z.number().int().min(1980).max(2100).nullish(),
    mileageKm: z.number().int().min(0).max(2_000_000).nullish(),
    valuation: ZAmount.nullish(),
  })
  .meta({ id: 'TradeIn' });
export type TTradeIn = z.infer<typeof ZTradeIn>;

/** A walk-in buyer: their profile card is created from the order (channel walk_in), or found by phone. */
export const ZWalkInBuyer = z.object({
  name: ZCustomerName,
  phone: ZPhoneInput,
  gender: ZGender.nullish(),
  region: text(60).nullish(),
  address: text(200).nullish(),
});

const orderFields = {
  price: ZAmount,
  discount: ZAmount.default(0),
  deposit: ZAmount.default(0),
  paymentMethod: ZPaymentMethod,
  loanStatus: ZLoanStatus.nullish(),
  loanBank: text(60).nullish(),
  tradeIn: ZTradeIn.nullish(),
  expectedDeliveryOn: ZDay.nullish(),
  note: text(500).nullish(),
};

export const ZCreateOrderRequest = z
  .object({
    customerId: ZId.optional().meta({ description: 'A known customer; or `buyer` for a walk-in' }),
    leadId: ZId.nullish().meta({
      description: "The customer's lead the order closes (default: the open one)",
    }),
    buyer: ZWalkInBuyer.optional(),
    stockVehicleId: ZId.nullish().meta({ description: 'A stock vehicle, reserved by the order' }),
    configurationId: ZId.nullish().meta({ description: 'Or a catalog configuration (the car is ordered)' }),
    colourId: ZId.nullish(),
    depositPaid: z.boolean().optional().meta({ description: 'The deposit was paid when ordering' }),
    ...orderFields,
  })
  .meta({ id: 'CreateOrderRequest' });
export type TCreateOrderRequest = z.infer<typeof ZCreateOrderRequest>;

export const ZUpdateOrderRequest = z
  .object({
    version: ZVersion,
    price: ZAmount.optional(),
    discount: ZAmount.optional(),
    deposit: ZAmount.optional(),
    paymentMethod: ZPaymentMethod.optional(),
    loanStatus: ZLoanStatus.nullish(),
    loanBank: text(60).nullish(),
    tradeIn: ZTradeIn.nullish(),
    expectedDeliveryOn: ZDay.nullish(),
    note: text(500).nullish(),
  })
  .meta({ id: 'UpdateOrderRequest' });
export type TUpdateOrderRequest = z.infer<typeof ZUpdateOrderRequest>;

export const ZOrderVersionRequest = z.object({ version: ZVersion });
export const ZPayDepositRequest = z.object({
  version: ZVersion,
  deposit: ZAmount.optional().meta({ description: 'The amount paid, if not the one on the order' }),
});
export type TPayDepositRequest = z.infer<typeof ZPayDepositRequest>;
export const ZCancelOrderRequest = z.object({
  version: ZVersion,
  reason: text(300).min(1, { message: 'Say why the order is cancelled.' }),
});
export type TCancelOrderRequest = z.infer<typeof ZCancelOrderRequest>;
export const ZDeliverOrderRequest = z.object({
  version: ZVersion,
  plateNo: text(20).nullish(),
  licensedOn: ZDay.nullish().meta({ description: 'Registration day (上牌); files the owner card' }),
});
export type TDeliverOrderRequest = z.infer<typeof ZDeliverOrderRequest>;

const ZRef = z.object({ id: ZId, name: z.string() });

export const ZOrder = z
  .object({
    id: ZId,
    orderNo: z.string(),
    status: ZOrderStatus,
    customer: z.object({
      id: ZId,
      name: z.string(),
      cardNo: z.string(),
      phone: z.string().nullable(),
      phoneMasked: z.boolean(),
    }),
    leadId: ZId.nullable(),
    consultant: ZRef,
    stockVehicleId: ZId.nullable(),
    vin: z.string().nullable(),
    vehicle: z
      .object({
        configurationId: ZId,
        seriesName: z.string(),
        modelName: z.string(),
        modelYear: z.number().int(),
        configurationName: z.string(),
        colourName: z.string().nullable(),
        guidePrice: z.number(),
      })
      .nullable(),
    colourId: ZId.nullable(),
    price: z.number(),
    discount: z.number(),
    deposit: z.number(),
    depositPaidAt: z.iso.datetime().nullable(),
    netPrice: z.number(),
    balance: z.number(),
    paymentMethod: ZPaymentMethod,
    loanStatus: ZLoanStatus.nullable(),
    loanBank: z.string().nullable(),
    tradeIn: ZTradeIn.nullable(),
    orderedAt: z.iso.datetime(),
    confirmedAt: z.iso.datetime().nullable(),
    expectedDeliveryOn: z.iso.date().nullable(),
    deliveredAt: z.iso.datetime().nullable(),
    plateNo: z.string().nullable(),
    licensedOn: z.iso.date().nullable(),
    cancelledAt: z.iso.datetime().nullable(),
    cancelReason: z.string().nullable(),
    note: z.string().nullable(),
    version: ZVersion,
  })
  .meta({ id: 'Order' });
export type TOrder = z.infer<typeof ZOrder>;

export const ZListOrdersQuery = ZPageQuery.extend({
  status: ZOrderStatus.optional(),
  consultantId: ZId.optional(),
  customerId: ZId.optional(),
  from: ZDay.optional().meta({ description: "First order day, in the store's calendar" }),
  to: ZDay.optional().meta({ description: "Last order day, in the store's calendar" }),
  q: z.string().trim().max(40).optional().meta({ description: 'Part of the order number, VIN or name' }),
});
export type TListOrdersQuery = z.infer<typeof ZListOrdersQuery>;

export const ZOrderList = z
  .object({ items: z.array(ZOrder), total: z.number().int() })
  .meta({ id: 'OrderList' });
export type TOrderList = z.infer<typeof ZOrderList>;

/** What the printable order sheet (订车单) shows, with the store's name. */
export const ZOrderSheet = z
  .object({
    order: ZOrder,
    store: z.object({ name: z.string(), code: z.string() }),
    tradeInValuation: z.number(),
    balanceAfterTradeIn: z.number(),
    printedAt: z.iso.datetime(),
  })
  .meta({ id: 'OrderSheet' });
export type TOrderSheet = z.infer<typeof ZOrderSheet>;

export const ZListOwnersQuery = ZPageQuery.extend({
  licenceMonth: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Use a month such as 2026-11.' })
    .optional(),
  q: z.string().trim().max(40).optional(),
});
export type TListOwnersQuery = z.infer<typeof ZListOwnersQuery>;

export const ZOwnerCard = z
  .object({
    customerId: ZId,
    name: z.string(),
    cardNo: z.string(),
    phone: z.string().nullable(),
    phoneMasked: z.boolean(),
    ownerSince: z.iso.date().nullable(),
    orderId: ZId,
    orderNo: z.string(),
    vin: z.string().nullable(),
    vehicle: z.string(),
    plateNo: z.string().nullable(),
    licensedOn: z.iso.date().nullable(),
    deliveredAt: z.iso.datetime(),
    /** licensed_on's month, else the delivery day's (YYYY-MM). */
    licenceMonth: z.string(),
    consultant: ZRef,
  })
  .meta({ id: 'OwnerCard' });
export type TOwnerCard = z.infer<typeof ZOwnerCard>;

export const ZOwnerList = z
  .object({ items: z.array(ZOwnerCard), total: z.number().int() })
  .meta({ id: 'OwnerList' });
export type TOwnerList = z.infer<typeof ZOwnerList>;
