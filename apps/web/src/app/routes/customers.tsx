import { customerScopeOf } from '@qianke/core/customers/visibility';
import type { QueryClient } from '@tanstack/react-query';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { meQueryOptions } from '@/features/auth/api/get-me';
import { customersListQueryOptions } from '@/features/customers/api/get-customers';
import { CustomersList } from '@/features/customers/components/customers-list';
import { parseCustomerFilters } from '@/features/customers/hooks/use-customer-filters';
import { PageTitle } from '../components/page-title';
import { can, useSession } from '../layout/session';

/**
 * The list's first page as the address asks for it (search, filters, sort), fetched while the app boots,
 * beside this page's code, for a user who may see customers: the list then finds it in the cache (or on
 * its way) instead of asking only once it has drawn. The router reaches it through this page's chunk; a
 * chunk of its own would split the shared API client out of the first load's chunks and grow them.
 */
export const prefetchCustomers = async (queryClient: QueryClient, search: string): Promise<void> => {
  const me = await queryClient.ensureQueryData(meQueryOptions);
  if (!me || !can(me, 'customers.view')) return;
  await queryClient.prefetchInfiniteQuery(
    customersListQueryOptions(parseCustomerFilters(new URLSearchParams(search))),
  );
};

export const CustomersPage = () => {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <div data-testid="customers-page">
      <PageTitle title={t('customers.title')} />
      <Card>
        {/* A store switch shows another store's customers: start that list afresh. */}
        <CustomersList
          key={me.store.id}
          timeZone={me.store.timeZone}
          canCreate={can(me, 'customers.create')}
          canMerge={can(me, 'customers.merge')}
          showOwnerFilter={customerScopeOf(me.user.roles) === 'store'}
          canExport={can(me, 'reports.export')}
        />
      </Card>
    </div>
  );
};
