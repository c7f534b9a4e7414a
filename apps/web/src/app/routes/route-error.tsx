import { isRouteErrorResponse, useRouteError } from 'react-router';
import { CrashPage } from '../components/crash-page';
import { NotFoundPage } from './not-found';

/** The router's errorElement: a thrown 404 shows the not-found page, anything else the crash page. */
export const RouteErrorPage = () => {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  console.error('Route failed', error);
  return <CrashPage error={error} />;
};
