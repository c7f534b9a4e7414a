import type { TCustomerListItem, TListCustomersParsed } from '@qianke/contracts/customers';
import type { TExportLanguage } from '@qianke/contracts/reports/filter';
import { customerScopeOf } from '@qianke/core/customers/visibility';
import { storeDateOf } from '@qianke/core/showroom/store-day';
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { CustomersService } from '../customers/customers.service';
import type { Clock } from '../infra/clock';
import type { Db } from '../infra/db/database';
import type { AuthContext } from '../infra/http/auth-context';
import { customerExportTexts } from './customer-export-texts';
import { EXPORT_BATCH, sendXlsx, wallClock, type XlsxColumn } from './xlsx-export';

export type CustomerExportQuery = Omit<TListCustomersParsed, 'cursor' | 'limit'> & { lang: TExportLanguage };

/**
 * The customer list as .xlsx with the list's own filters and order (issue 6): every matching customer,
 * read in keyset batches, phones masked as the list shows them (customer-view.ts), audited.
 */
export const createCustomerExportService = ({
  db,
  clock,
  customers,
}: {
  db: Db;
  clock: Clock;
  customers: CustomersService;
}) => {
  const exportXlsx = async (
    ctx: AuthContext,
    query: CustomerExportQuery,
    reply: FastifyReply,
    log: FastifyBaseLogger,
    requestId: string,
  ): Promise<FastifyReply> => {
    const { lang: _lang, ...listQuery } = query;
    const { timeZone, items } = await customers.allOfList(ctx, listQuery, EXPORT_BATCH);
    const texts = customerExportTexts(query.lang);
    const columns: XlsxColumn<TCustomerListItem>[] = [
      { header: texts.cardNo, width: 16, value: (c) => c.cardNo },
      { header: texts.name, width: 16, value: (c) => c.name },
      { header: texts.phone, width: 16, value: (c) => c.phone },
      { header: texts.level, width: 8, value: (c) => c.level },
      { header: texts.status, width: 10, value: (c) => (c.status ? texts.statuses[c.status] : null) },
      { header: texts.owner, width: 12, value: (c) => c.ownerName },
      {
        header: texts.source,
        width: 16,
        value: (c) => (c.source ? (query.lang === 'en' ? c.source.nameEn : c.source.nameZh) : null),
      },
      {
        header: texts.series,
        width: 14,
        value: (c) =>
          c.latestSeries
            ? query.lang === 'en'
              ? (c.latestSeries.nameEn ?? c.latestSeries.name)
              : c.latestSeries.name
            : null,
      },
      { header: texts.leadCount, width: 8, value: (c) => c.leadCount },
      {
        header: texts.nextContactAt,
        width: 18,
        numFmt: 'yyyy-mm-dd hh:mm',
        value: (c) => wallClock(c.nextContactAt, timeZone),
      },
      {
        header: texts.createdAt,
        width: 18,
        numFmt: 'yyyy-mm-dd hh:mm',
        value: (c) => wallClock(c.createdAt, timeZone),
      },
    ];
    return sendXlsx(db, reply, log, {
      report: 'customers',
      fileName: `customers-${storeDateOf(clock.now(), timeZone)}.xlsx`,
      sheetName: texts.sheet,
      columns,
      rows: items,
      audit: {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        filter: { ...listQuery, ownOnly: customerScopeOf(ctx.roles) === 'own' },
        requestId,
      },
    });
  };
  return { exportXlsx };
};

export type CustomerExportService = ReturnType<typeof createCustomerExportService>;
