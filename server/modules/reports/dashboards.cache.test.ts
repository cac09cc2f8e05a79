import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestClock } from '../../platform/clock.js';
import { createDashboardCache } from './dashboards.cache.js';
import type { DashboardRows } from './dashboards.models.js';

const rows = (total: number) => ({ figures: { total } }) as unknown as DashboardRows;

describe('dashboard cache', () => {
  it('serves an entry only for the version it was computed at, and only within its time limit', async () => {
    const clock = createTestClock(new Date('2026-03-02T01:00:00Z'));
    const cache = createDashboardCache({ seconds: 60, clock })!;
    let computed = 0;
    const load = (key: string, version: string) => cache.load(key, version, async () => rows(++computed));
    assert.equal((await load('nation|||id|2026-03-02', '41')).figures.total, 1);
    assert.equal((await load('nation|||id|2026-03-02', '41')).figures.total, 1, 'a hit');
    assert.equal((await load('nation|||id|2026-03-02', '42')).figures.total, 2, 'a newer change misses');
    assert.equal((await load('nation|||en|2026-03-02', '42')).figures.total, 3, 'another key misses');
    clock.advance(59_000);
    assert.equal((await load('nation|||id|2026-03-02', '42')).figures.total, 2);
    clock.advance(2_000);
    assert.equal((await load('nation|||id|2026-03-02', '42')).figures.total, 4, 'expired after 60 s');
  });

  it('requests that miss together share one computation; a failure is not kept', async () => {
    const cache = createDashboardCache({ seconds: 60, clock: createTestClock() })!;
    let calls = 0;
    let release!: (r: DashboardRows) => void;
    const slow = () => {
      calls += 1;

      return new Promise<DashboardRows>((resolve) => {
        release = resolve;
      });
    };
    const both = Promise.all([cache.load('k', '1', slow), cache.load('k', '1', slow)]);
    release(rows(7));
    assert.deepEqual((await both).map((r) => r.figures.total), [7, 7]);
    assert.equal(calls, 1);

    await assert.rejects(cache.load('f', '1', async () => Promise.reject(new Error('database gone'))));
    assert.equal((await cache.load('f', '1', async () => rows(8))).figures.total, 8);
  });

  it('is off at zero seconds', () => {
    assert.equal(createDashboardCache({ seconds: 0, clock: createTestClock() }), null);
  });
});
