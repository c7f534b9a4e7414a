import { useOrderAction } from './order-action';

/** Hand the car over: the customer becomes an owner. */
export const useDeliverOrder = () => useOrderAction('deliver');
