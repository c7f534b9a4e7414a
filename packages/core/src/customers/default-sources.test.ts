import { describe, expect, it } from 'vitest';
import { DEFAULT_SOURCES, defaultChannelOf, defaultSourceByCode, type SourceTier } from './default-sources';

const TIER_ABOVE: Record<SourceTier, SourceTier | null> = {
  channel: null,
  source: 'channel',
  sub_source: 'source',
};

describe('the default source tree', () => {
  it('has unique lower_snake codes and names in both languages', () => {
    const codes = DEFAULT_SOURCES.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const source of DEFAULT_SOURCES) {
      expect(source.code).toMatch(/^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/);
      expect(source.nameZh.trim()).not.toBe('');
      expect(source.nameEn.trim()).not.toBe('');
    }
  });

  it('links every node to an existing parent one tier up, and lists parents first', () => {
    const seen = new Map<string, SourceTier>();
    for (const source of DEFAULT_SOURCES) {
      const above = TIER_ABOVE[source.tier];
      if (above === null) {
        expect(source.parentCode).toBeNull();
      } else {
        expect(source.parentCode, source.code).not.toBeNull();
        expect(seen.get(source.parentCode ?? ''), source.code).toBe(above);
      }
      seen.set(source.code, source.tier);
    }
  });

  it('gives every channel at least one source, and siblings distinct sort positions', () => {
    const channels = DEFAULT_SOURCES.filter((s) => s.tier === 'channel');
    for (const channel of channels) {
      expect(
        DEFAULT_SOURCES.some((s) => s.parentCode === channel.code && s.tier === 'source'),
        channel.code,
      ).toBe(true);
    }
    const positions = DEFAULT_SOURCES.map((s) => `${s.parentCode ?? ''}/${s.sort}`);
    expect(new Set(positions).size).toBe(positions.length);
  });

  it('covers the channels of DOMAIN §2', () => {
    const channels = DEFAULT_SOURCES.filter((s) => s.tier === 'channel').map((s) => s.code);
    expect(channels).toEqual(
      expect.arrayContaining([
        'walk_in',
        'phone_in',
        'hotline_400',
        'online',
        'event',
        'prospecting',
        'personal_network',
        'referral',
        'owned_base',
        'employee_purchase',
        'fleet',
        'info_station',
      ]),
    );
    for (const code of ['autohome', 'dongchedi', 'yiche', 'brand_website', 'online_order']) {
      expect(defaultChannelOf(code)?.code, code).toBe('online');
    }
    for (const code of ['add_on', 'replacement', 'trade_in', 'vip', 'repurchase']) {
      expect(defaultSourceByCode(code)?.parentCode, code).toBe('owned_base');
    }
    for (const code of [
      'prospecting_mall',
      'prospecting_school',
      'prospecting_enterprise',
      'prospecting_residential',
    ]) {
      expect(defaultSourceByCode(code)?.tier, code).toBe('source');
    }
    expect(defaultSourceByCode('prospecting_government')?.parentCode).toBe('prospecting');
    expect(defaultChannelOf('nonexistent')).toBeUndefined();
  });
});
