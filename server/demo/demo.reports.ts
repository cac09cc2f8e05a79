import { createLocalFileStore, filesDirOf } from '../platform/files/local-file-store.js';
import { acceptReport, generateReport, submitReport } from '../modules/reports/index.js';
import { demoActor, type DemoSeedDeps } from './demo.actors.js';

/**
 * Periodic reports for the demo (issue 4, item 7), made through the report use cases by the demo
 * people: Hulu Sungai Selatan's 2025 semester-2 report accepted by the GWPP of Kalimantan Selatan,
 * Hulu Sungai Tengah's submitted and awaiting review, Tapin none, so the compliance view shows
 * Tapin as not reported. Skipped when the seed runs before that semester has ended. Returns how
 * many reports it made.
 */
export const seedDemoReports = async ({ tx, clock, orgs, users, dataDir }: DemoSeedDeps & { dataDir: string }): Promise<number> => {
  const today = new Date(clock.now().getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  if (today <= '2025-12-31') return 0;
  const files = createLocalFileStore(filesDirOf(dataDir));
  const as = (key: string) => {
    const user = users.get(key);
    if (!user) throw new Error(`demo reports need the demo user ${key}`);

    return { db: tx, clock, lang: 'id' as const, files, publicUrl: '', ...demoActor(user, orgs) };
  };
  const period = { year: 2025, period: 'SEMESTER_2' as const };
  const hss = await generateReport({ ...as('sekretariat.hss'), input: period });
  const sent = await submitReport({ ...as('sekretariat.hss'), id: hss.id, expectedVersion: hss.rowVersion });
  await acceptReport({ ...as('gwpp.kalsel'), id: hss.id, expectedVersion: sent.rowVersion });
  const hst = await generateReport({ ...as('sekretariat.hst'), input: period });
  await submitReport({ ...as('sekretariat.hst'), id: hst.id, expectedVersion: hst.rowVersion });

  return 2;
};
