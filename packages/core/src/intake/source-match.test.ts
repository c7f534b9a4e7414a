import { describe, expect, it } from 'vitest';
import { DEFAULT_SOURCES } from '../customers/default-sources';
import {
  channelOfSource,
  findSource,
  leadChannelOf,
  type SourceRef,
  sampleSourceCodes,
} from './source-match';

/** The default tree as a store has it, with ids. */
const tree: SourceRef[] = DEFAULT_SOURCES.map((s) => ({
  id: s.code,
  parentId: s.parentCode,
  code: s.code,
  nameZh: s.nameZh,
  nameEn: s.nameEn,
  active: true,
}));

describe('finding the source a sender names', () => {
  it.each([
    ['autohome', 'autohome'],
    ['AUTOHOME', 'autohome'],
    ['汽车之家', 'autohome'],
    ['Autohome', 'autohome'],
    ['  懂车帝 ', 'dongchedi'],
    ['brand_website', 'brand_website'],
    ['Brand website', 'brand_website'],
    ['brand-website', 'brand_website'],
    ['品牌官网', 'brand_website'],
    ['hotline_400', 'hotline_400'],
    ['400热线', 'hotline_400'],
    ['400 hotline', 'hotline_400'],
    ['厂家400热线', 'hotline_400_brand'],
    ['online_portal', 'online_portal'],
    ['WeChat official account', 'wechat_official'],
    ['ｙｉｃｈｅ', 'yiche'],
    ['nowhere', undefined],
    ['', undefined],
    ['auto', undefined],
  ])('%j is %s', (text, code) => expect(findSource(tree, text)?.code).toBe(code));

  it('does not offer a deactivated source, nor one under a deactivated branch', () => {
    const closed = tree.map((n) =>
      n.code === 'yiche' || n.code === 'online_social' ? { ...n, active: false } : n,
    );
    expect(findSource(closed, 'yiche')).toBeUndefined();
    expect(findSource(closed, 'douyin')).toBeUndefined();
    expect(findSource(closed, 'autohome')?.code).toBe('autohome');
  });

  it('suggests the codes intake senders use most', () => {
    expect(sampleSourceCodes(tree)).toEqual([
      'autohome',
      'dongchedi',
      'yiche',
      'brand_website',
      'hotline_400',
      'douyin',
    ]);
    expect(
      sampleSourceCodes(
        tree.filter((n) => n.code.startsWith('walk_in')),
        3,
      ),
    ).toEqual(['walk_in', 'walk_in_natural', 'walk_in_passing']);
  });
});

describe('the channel of a lead, from its source', () => {
  it.each([
    ['autohome', 'portal'],
    ['online_portal', 'portal'],
    ['brand_website', 'website'],
    ['brand_app_order', 'online_order'],
    ['douyin', 'social'],
    ['online', 'online'],
    ['hotline_400_dealer', 'hotline_400'],
    ['hotline_400', 'hotline_400'],
    ['phone_in_advert', 'phone_in'],
    ['walk_in_natural', 'walk_in'],
    ['auto_show', 'event'],
    ['referral_owner', 'referral'],
    ['trade_in', 'owner_base'],
    ['employee_store', 'employee'],
    ['fleet_enterprise', 'fleet'],
  ])('%s comes by %s', (code, channel) => {
    const source = tree.find((n) => n.code === code);
    if (!source) throw new Error(code);
    expect(channelOfSource(tree, source)).toBe(channel);
  });

  it('takes a custom channel of the store as it is', () => {
    expect(leadChannelOf(['wecom_group', 'wecom_group_a'])).toBe('wecom_group');
    expect(leadChannelOf([])).toBe('other');
  });
});
