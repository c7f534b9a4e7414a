import { useOrderAction } from './order-action';

/** Record the deposit: the lead becomes level O. */
export const usePayDeposit = () => useOrderAction('deposit');
