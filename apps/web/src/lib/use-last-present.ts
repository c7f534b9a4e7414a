import { useState } from 'react';

/**
 * The value, or the last one that was present: keeps a closing dialog's title and text steady while it
 * animates out after its subject was set back to null.
 */
export const useLastPresent = <T>(value: T | null | undefined): T | null | undefined => {
  const [last, setLast] = useState(value);
  if (value !== null && value !== undefined && value !== last) setLast(value);
  return value ?? last;
};
