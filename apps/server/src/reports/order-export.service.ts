import type { TListOrdersQuery, TOrder } from '@qianke/contracts/orders';
import type { TExportLanguage } from '@qianke/contracts/reports/filter';
import { hasPermission } from '@qianke/core/accounts/roles';
import { DomainError } from '@qianke/core/shared/domain-error';
import { storeDateOf } from '@qianke/core/showroom/store-day';
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { Clock } from '../infra/clock';
import type { Db } from '../infra/db/database';
import type { AuthContext } from '../infra/http/auth-context';
import type { OrdersService } from '../orders/orders.service';
import { orderExportTexts } from './order-export-texts';
import { EXPORT_BATCH, sendXlsx, wallClock, type XlsxColumn } from './xlsx-export';

export type OrderExportQuery = Omit<TListOrdersQuery, 'page' | 'pageSize'> & { lang: TExportLanguage };

const MONEY = '#,##0';

/**
 * The order list as .xlsx with the list's own filters (issue 6): every matching order a batch at a time,
 * a consultant's own only (as the list), phones masked as the list shows them, audited.
 */
export const createOrderExportService = ({
  db,
  clock,
  orders,
}: {
  db: Db;
  clock: Clock;
  orders: OrdersService;
}) => {
  const exportXlsx = async (
    ctx: AuthContext,
    query: OrderExportQuery,
    reply: FastifyReply,
    log: FastifyBaseLogger,
    requestId: string,
  ): Promise<FastifyReply> => {
    // Exporting needs reports.export (the route) and seeing orders at all.
    if (!hasPermission(ctx.roles, 'orders.view')) {
      throw new DomainError('forbidden', 'Only roles that see orders can export them.');
    }
    const { lang, ...listQuery } = query;
    const { timeZone, items } = await orders.allOfList(ctx, listQuery, EXPORT_BATCH);
    const texts = orderExportTexts(lang);
    const vehicleOf = (o: TOrder) =>
      o.vehicle
        ? [o.vehicle.seriesName, o.vehicle.modelName, o.vehicle.configurationName, o.vehicle.colourName]
            .filter(Boolean)
            .join(' ')
        : null;
    const columns: XlsxColumn<TOrder>[] = [
      { header: texts.orderNo, width: 20, value: (o) => o.orderNo },
      { header: texts.status, width: 10, value: (o) => texts.statuses[o.status] },
      { header: texts.customer, width: 14, value: (o) => o.customer.name },
      { header: texts.cardNo, width: 14, value: (o) => o.customer.cardNo },
      { header: texts.phone, width: 16, value: (o) => o.customer.phone },
      { header: texts.consultant, width: 12, value: (o) => o.consultant.name },
      { header: texts.vehicle, width: 30, value: vehicleOf },
      { header: texts.vin, width: 20, value: (o) => o.vin },
      { header: texts.price, width: 12, numFmt: MONEY, value: (o) => o.price },
      { header: texts.discount, width: 10, numFmt: MONEY, value: (o) => o.discount },
      { header: texts.netPrice, width: 12, numFmt: MONEY, value: (o) => o.netPrice },
      { header: texts.deposit, width: 10, numFmt: MONEY, value: (o) => o.deposit },
      {
        header: texts.depositPaidAt,
        width: 18,
        numFmt: 'yyyy-mm-dd hh:mm',
        value: (o) => wallClock(o.depositPaidAt, timeZone),
      },
      { header: texts.payment, width: 8, value: (o) => texts.payments[o.paymentMethod] },
      {
        header: texts.loanStatus,
        width: 10,
        value: (o) => (o.loanStatus ? texts.loans[o.loanStatus] : null),
      },
      {
        header: texts.orderedAt,
        width: 18,
        numFmt: 'yyyy-mm-dd hh:mm',
        value: (o) => wallClock(o.orderedAt, timeZone),
      },
      { header: texts.expectedDeliveryOn, width: 12, value: (o) => o.expectedDeliveryOn },
      {
        header: texts.deliveredAt,
        width: 18,
        numFmt: 'yyyy-mm-dd hh:mm',
        value: (o) => wallClock(o.deliveredAt, timeZone),
      },
      { header: texts.cancelReason, width: 24, value: (o) => o.cancelReason },
    ];
    return sendXlsx(db, reply, log, {
      report: 'orders',
      fileName: `orders-${storeDateOf(clock.now(), timeZone)}.xlsx`,
      sheetName: texts.sheet,
      columns,
      rows: items,
      audit: { dealerId: ctx.dealerId, actorId: ctx.userId, filter: listQuery, requestId },
    });
  };
  return { exportXlsx };
};

export type OrderExportService = ReturnType<typeof createOrderExportService>;
