import { useOrderAction } from './order-action';

/** Cancel with a reason: the car goes back in stock. */
export const useCancelOrder = () => useOrderAction('cancel');
