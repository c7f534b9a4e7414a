import type { TListOwnersQuery, TOwnerCard } from '@qianke/contracts/orders';
import type { TExportLanguage } from '@qianke/contracts/reports/filter';
import { hasPermission } from '@qianke/core/accounts/roles';
import { DomainError } from '@qianke/core/shared/domain-error';
import { storeDateOf } from '@qianke/core/showroom/store-day';
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { Clock } from '../infra/clock';
import type { Db } from '../infra/db/database';
import type { AuthContext } from '../infra/http/auth-context';
import type { OrdersService } from '../orders/orders.service';
import { EXPORT_BATCH, sendXlsx, wallClock, type XlsxColumn } from './xlsx-export';

export type OwnerExportQuery = Omit<TListOwnersQuery, 'page' | 'pageSize'> & { lang: TExportLanguage };

const textsOf = (language: TExportLanguage) =>
  language === 'en'
    ? {
        sheet: 'Owners',
        licenceMonth: 'Licence month',
        name: 'Name',
        cardNo: 'Card no.',
        phone: 'Phone',
        vehicle: 'Vehicle',
        vin: 'VIN',
        plateNo: 'Plate',
        licensedOn: 'Licensed on',
        deliveredAt: 'Delivered',
        orderNo: 'Order no.',
        consultant: 'Consultant',
      }
    : {
        sheet: '保有客户',
        licenceMonth: '上牌月份',
        name: '姓名',
        cardNo: '卡号',
        phone: '电话',
        vehicle: '车型',
        vin: 'VIN',
        plateNo: '车牌',
        licensedOn: '上牌日期',
        deliveredAt: '交车时间',
        orderNo: '订单号',
        consultant: '销售顾问',
      };

/**
 * Owner cards (保有客户, filed by licence month) as .xlsx with the list's own filters (issue 6): for the
 * owner-care calls, phones masked as the list shows them, audited.
 */
export const createOwnerExportService = ({
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
    query: OwnerExportQuery,
    reply: FastifyReply,
    log: FastifyBaseLogger,
    requestId: string,
  ): Promise<FastifyReply> => {
    // Exporting needs reports.export (the route) and seeing owner cards at all.
    if (!hasPermission(ctx.roles, 'orders.view')) {
      throw new DomainError('forbidden', 'Only roles that see owner cards can export them.');
    }
    const { lang, ...listQuery } = query;
    const { timeZone, items } = await orders.allOwners(ctx, listQuery, EXPORT_BATCH);
    const texts = textsOf(lang);
    const columns: XlsxColumn<TOwnerCard>[] = [
      { header: texts.licenceMonth, width: 10, value: (o) => o.licenceMonth },
      { header: texts.name, width: 14, value: (o) => o.name },
      { header: texts.cardNo, width: 14, value: (o) => o.cardNo },
      { header: texts.phone, width: 16, value: (o) => o.phone },
      { header: texts.vehicle, width: 30, value: (o) => o.vehicle },
      { header: texts.vin, width: 20, value: (o) => o.vin },
      { header: texts.plateNo, width: 12, value: (o) => o.plateNo },
      { header: texts.licensedOn, width: 12, value: (o) => o.licensedOn },
      {
        header: texts.deliveredAt,
        width: 18,
        numFmt: 'yyyy-mm-dd hh:mm',
        value: (o) => wallClock(o.deliveredAt, timeZone),
      },
      { header: texts.orderNo, width: 20, value: (o) => o.orderNo },
      { header: texts.consultant, width: 12, value: (o) => o.consultant.name },
    ];
    return sendXlsx(db, reply, log, {
      report: 'owners',
      fileName: `owners-${storeDateOf(clock.now(), timeZone)}.xlsx`,
      sheetName: texts.sheet,
      columns,
      rows: items,
      audit: { dealerId: ctx.dealerId, actorId: ctx.userId, filter: listQuery, requestId },
    });
  };
  return { exportXlsx };
};

export type OwnerExportService = ReturnType<typeof createOwnerExportService>;
