import { useOrderAction } from './order-action';

/** Confirm a draft order. */
export const useConfirmOrder = () => useOrderAction('confirm');
