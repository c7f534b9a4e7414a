import { describe, expect, it } from 'vitest';
import { bearerTokenOf, displayPrefixOf, maskApiKey } from './api-key';

describe('intake API keys', () => {
  it('shows a key by its first characters only', () => {
    expect(maskApiKey(displayPrefixOf('qk_Ab3dEfGhIjKlMnOpQrStUvWxYz012345'))).toBe('qk_Ab3d…');
    expect(maskApiKey(displayPrefixOf('qk_demo_store1'))).toBe('qk_demo…');
  });

  it.each([
    ['Bearer qk_demo_store1', 'qk_demo_store1'],
    ['bearer qk_demo_store1', 'qk_demo_store1'],
    ['  BEARER   qk_abc  ', 'qk_abc'],
    ['Basic YWRtaW46ZGVtbzEyMzQ=', undefined],
    ['Bearer', undefined],
    ['Bearer two words', undefined],
    ['qk_demo_store1', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('the header %j gives the token %j', (header, token) => expect(bearerTokenOf(header)).toBe(token));
});
