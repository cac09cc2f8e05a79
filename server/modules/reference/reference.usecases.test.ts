import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDatabase } from '../../test/context.js';
import { createRegionDirectory, listRegions, regionLevelsFor } from './reference.usecases.js';

describeEachDatabase('region search', (ctx) => {
  it('answers from memory exactly as the database does, for names, codes, levels and pages', async () => {
    const directory = createRegionDirectory(ctx().db);
    const cases = [
      { q: 'sungai' },
      { q: 'KOTA' },
      { q: 'papua', level: 'provinsi' as const },
      { q: '63.0' },
      { q: 'barat', level: 'kabkota' as const, offset: 5, limit: 7 },
      { level: 'kota' as const, limit: 200 },
      {},
    ];
    for (const c of cases) {
      const query = { levels: c.level ? regionLevelsFor(c.level) : undefined, q: c.q, includeExpired: false, limit: c.limit ?? 50, offset: c.offset ?? 0 };
      const fromDb = await listRegions({ db: ctx().db, query });
      const fromMemory = await listRegions({ db: ctx().db, directory, query });
      assert.deepEqual(fromMemory, fromDb, JSON.stringify(c));
    }
  });
});
