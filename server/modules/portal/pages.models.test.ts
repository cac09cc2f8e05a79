import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogueKeys, translator } from './pages.i18n.js';
import { hrefWith, safeSnippet, scaleBars } from './pages.models.js';

describe('portal pages: pure helpers', () => {
  it('trusts a snippet only when it is escaped text with <mark> around hits', () => {
    assert.equal(safeSnippet('Pengelolaan <mark>sampah</mark> &amp; TPA'), 'Pengelolaan <mark>sampah</mark> &amp; TPA');
    assert.equal(safeSnippet('<mark>x</mark><script>alert(1)</script>'), null);
    assert.equal(safeSnippet('a & b'), null, 'an unescaped ampersand means the text was not escaped');
    assert.equal(safeSnippet(null), null);
  });

  it('builds filter links without empty parameters', () => {
    assert.equal(hrefWith('/', { q: 'air minum', kind: '', region: undefined, urusan: '2.11' }), '/?q=air+minum&urusan=2.11');
    assert.equal(hrefWith('/statistik', {}), '/statistik');
  });

  it('scales bars to the largest count and keeps a sliver for small non-zero counts', () => {
    assert.deepEqual(scaleBars([{ label: 'a', count: 200 }, { label: 'b', count: 1 }, { label: 'c', count: 0 }]).map((b) => b.width), [100, 1, 0]);
  });

  it('says everything in both languages, dates as "25 April 2025" and Rupiah as Rp1.500.000,00', () => {
    assert.deepEqual(catalogueKeys('en').sort(), catalogueKeys('id').sort());
    const id = translator('id');
    const en = translator('en');
    assert.equal(id.date('2025-04-25'), '25 April 2025');
    assert.equal(en.date('2025-08-17T01:00:00.000Z'), '17 August 2025');
    assert.equal(id.rupiah('1500000.00'), 'Rp1.500.000,00');
    assert.equal(id('home.total', { count: id.number(1234) }), '1.234 kerja sama dipublikasikan');
    assert.equal(en.label('kinds', 'KSDD'), 'Cooperation between regions');
    assert.equal(en.label('states', 'UNKNOWN'), 'UNKNOWN');
  });
});
