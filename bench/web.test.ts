import { describe, expect, it } from 'vitest';
import { entryChunksOf, routeChunksOf, staticImportsOf } from './web';

describe('staticImportsOf', () => {
  it('finds the static imports of a minified chunk and leaves the lazy ones out', () => {
    const code =
      'import{a as e}from"./react-DGbRob-N.js";import"./side-effect-Ab12Cd34.js";' +
      'import { b } from "./spaced-x1y2z3w4.js";const L=()=>import("./login-B1c2D3e4.js");';
    expect(staticImportsOf(code).sort()).toEqual([
      'react-DGbRob-N.js',
      'side-effect-Ab12Cd34.js',
      'spaced-x1y2z3w4.js',
    ]);
  });
});

describe('entryChunksOf', () => {
  it('takes the entry script and the module preloads of index.html', () => {
    const html =
      '<script type="module" crossorigin src="/assets/index-D01ewMBI.js"></script>' +
      '<link rel="modulepreload" crossorigin href="/assets/react-DGbRob-N.js">' +
      '<link rel="stylesheet" href="/assets/index-abc.css">';
    expect(entryChunksOf(html)).toEqual(['index-D01ewMBI.js', 'react-DGbRob-N.js']);
  });
});

describe('routeChunksOf', () => {
  it('picks the chunk of each named route and not a route whose name only starts the same', () => {
    const files = [
      'login-DKRi9r3G.js',
      'login-DKRi9r3G.js.map',
      'LoginOutlined-DKRi9r3G.js',
      'home-AbC_12-z.js',
      'home-settings-AbC_12-z.js',
      'app-layout-BDBF0-d4.js',
      'customers-usxvkeLn.js',
    ];
    expect(routeChunksOf(files, ['login', 'app-layout', 'home'])).toEqual([
      'login-DKRi9r3G.js',
      'home-AbC_12-z.js',
      'app-layout-BDBF0-d4.js',
    ]);
  });
});
