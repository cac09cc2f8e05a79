import { sql } from 'drizzle-orm';
import { DEFAULT_VISIBILITY, publish } from '../modules/portal/index.js';
import { demoActor, type DemoSeedDeps } from './demo.actors.js';

/**
 * The public portal's first content (issue 6): every signed demo cooperation still running is
 * published by its owning pemda's secretariat, so the portal, the map and the open data have
 * something to show on first start. The first one also publishes its funding. Ended ones
 * (BERAKHIR) stay unpublished, as do all proposals, so the back office shows both cases.
 * Returns how many were published.
 */
export const seedDemoPortal = async ({ tx, clock, orgs, users }: DemoSeedDeps, ocidPrefix: string): Promise<number> => {
  const rows = (
    (await tx.execute(
      sql`SELECT id, tenant_id FROM cooperation WHERE state IN ('KSB_BERLAKU', 'BERLAKU', 'DIADENDUM', 'SENGKETA') AND tenant_id IS NOT NULL ORDER BY created_at, id`,
    )) as unknown as { rows: { id: string; tenant_id: string }[] }
  ).rows;
  const secretariats = [...users.values()].filter((u) => u.role === 'KSD_SECRETARIAT_ADMIN');
  let published = 0;
  for (const row of rows) {
    const secretariat = secretariats.find((u) => orgs.get(u.orgKey)?.tenantId === row.tenant_id);
    if (!secretariat) continue;
    const visibility = published === 0 ? { ...DEFAULT_VISIBILITY, funding: true } : DEFAULT_VISIBILITY;
    await publish({ db: tx, clock, ...demoActor(secretariat, orgs), settings: { ocidPrefix } }, row.id, { visibility });
    published++;
  }

  return published;
};
