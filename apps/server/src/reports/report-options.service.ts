import type { TReportOptions } from '@qianke/contracts/reports/options';
import { reportViewOf } from '@qianke/core/reports/report-access';
import type { Db } from '../infra/db/database';
import type { AuthContext } from '../infra/http/auth-context';
import { campaignCodes, leadOwners, pickableStores, seriesOf, sourceNodes } from './report-options.repo';

/** The choices of the report filter bar, for the caller's current store. */
export const createReportOptionsService = ({ db }: { db: Db }) => {
  const options = async (ctx: AuthContext): Promise<TReportOptions> => {
    const owners = await leadOwners(db, ctx.dealerId);
    return {
      stores: await pickableStores(db, ctx.groupId, ctx.dealerId, ctx.groupAdmin),
      // Own figures only: the caller is the only consultant there is to pick.
      consultants: reportViewOf(ctx.roles) === 'own' ? owners.filter((o) => o.id === ctx.userId) : owners,
      sources: await sourceNodes(db, ctx.dealerId),
      series: await seriesOf(db, ctx.dealerId),
      campaignCodes: await campaignCodes(db, ctx.dealerId),
    };
  };
  return { options };
};

export type ReportOptionsService = ReturnType<typeof createReportOptionsService>;
