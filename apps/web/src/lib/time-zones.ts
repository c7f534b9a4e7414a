import { isValidTimeZone } from '@qianke/contracts/common';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Time zones people pick first in a Chinese dealership, listed before the rest. */
const COMMON = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Macau', 'Asia/Urumqi'];

const offsetOf = (timeZone: string, at: Date): string => {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName');
    return part?.value.replace('GMT', 'UTC') || 'UTC';
  } catch {
    return '';
  }
};

export type TimeZoneOption = { value: string; label: string };

let cached: TimeZoneOption[] | undefined;

/** Every IANA zone the browser knows (the same check as the server's), labelled with its UTC offset. */
export const timeZoneOptions = (): TimeZoneOption[] => {
  if (cached) return cached;
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const zones = [...new Set([...COMMON, ...known, 'UTC'])].filter(isValidTimeZone);
  const now = new Date();
  cached = zones.map((zone) => ({ value: zone, label: `${zone} (${offsetOf(zone, now)})` }));
  return cached;
};
