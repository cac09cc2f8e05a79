import { sql } from 'drizzle-orm';
import type { Clock } from '../platform/clock.js';
import type { Config } from '../platform/config.js';
import type { Db } from '../platform/db/database.js';
import { SYSTEM_AUDIT_CONTEXT } from '../modules/audit/index.js';
import { createUser, grantRole } from '../modules/identity/index.js';
import { createOrganization, hasOrganizations } from '../modules/organizations/index.js';
import type { SeededOrganization, SeededUser } from './demo.actors.js';
import { seedDemoCooperations } from './demo.cooperations.js';
import { seedDemoWorkPlans } from './demo.monev.js';
import { seedDemoEvaluations } from './demo.evaluations.js';
import { seedDemoIndicators } from './demo.indicators.js';
import { seedDemoEscalation } from './demo.reminders.js';
import { seedDemoReports } from './demo.reports.js';
import { seedDemoUpdates } from './demo.updates.js';
import { seedDemoTkksd } from './demo.tkksd.js';
import { seedDemoMeetings } from './demo.meetings.js';
import { seedDemoMapping } from './demo.mapping.js';
import { seedDemoPotentials } from './demo.potentials.js';
import { seedDemoPortal } from './demo.portal.js';
import { DEMO_ORGANIZATIONS } from './demo.organizations.js';
import { DEMO_USERS } from './demo.users.js';

/** The documented default of DEMO_PASSWORD (docs/demo-logins.md); any other value is not echoed. */
const DEFAULT_DEMO_PASSWORD = 'Jejaring-Demo-2026';

export type SeedSummary =
  | { seeded: true; organizations: number; cooperations: number; accounts: { email: string; role: string }[] }
  | { seeded: false; message: string };

/** True before anyone has set the installation up: no organisation exists yet. */
export const isEmptyInstallation = async (db: Db) => !(await hasOrganizations({ db }));

/**
 * Fills an empty installation with the fictional demo pemda, units, partners and one account per
 * role, through the same use cases (and audit trail) as real data, acting as the system. On an
 * installation that already has organisations it changes nothing and says why.
 */
export const seedDemoData = async ({ db, clock, config }: { db: Db; clock: Clock; config: Pick<Config, 'demoPassword'> & Partial<Pick<Config, 'dataDir' | 'openData'>> }): Promise<SeedSummary> =>
  // One transaction: a failure leaves nothing half-seeded. The advisory lock makes instances that
  // start together on one empty PostgreSQL seed once; the others then find organisations and stop.
  db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727274003)`);
    if (!(await isEmptyInstallation(tx)))
      return { seeded: false, message: 'Demo data not loaded: this installation already has organisations. Run `npm run db:reset` to start over.' };
    const deps = { db: tx, clock, audit: SYSTEM_AUDIT_CONTEXT, actor: null };

    const ids = new Map<string, string>();
    const orgs = new Map<string, SeededOrganization>();
    for (const org of DEMO_ORGANIZATIONS) {
      const parentId = org.parentKey ? ids.get(org.parentKey) : undefined;
      if (org.parentKey && !parentId) throw new Error(`demo organisation ${org.key} names an unknown parent ${org.parentKey}`);
      const created = await createOrganization({ ...deps, input: { ...org.input, ...(parentId ? { parentId } : {}) } });
      ids.set(org.key, created.id);
      orgs.set(org.key, { id: created.id, tenantId: created.tenantId, type: created.type, regionCode: created.regionCode });
    }

    // Roles run from 1 January of the current year (WIB), so they are already active on the day of the seed.
    const validFrom = `${new Date(clock.now().getTime() + 7 * 3600_000).getUTCFullYear()}-01-01`;
    const users = new Map<string, SeededUser>();
    for (const user of DEMO_USERS) {
      const orgId = ids.get(user.orgKey);
      if (!orgId) throw new Error(`demo user ${user.email} names an unknown organisation ${user.orgKey}`);
      const created = await createUser({
        ...deps,
        input: { email: user.email, name: user.name, orgId, password: config.demoPassword, nip: user.nip, phone: user.phone, locale: 'id' },
      });
      await grantRole({ ...deps, input: { userId: created.id, role: user.role, orgId, validFrom, decreeRef: user.decreeRef ?? null } });
      users.set(user.email.split('@')[0]!, { id: created.id, email: user.email, name: user.name, role: user.role, orgKey: user.orgKey });
    }

    // A living register: cooperations of every kind, taken through the procedure by the demo users.
    const cooperations = await seedDemoCooperations({ tx, clock, orgs, users });
    // Work plans for the cooperations in force (issue 4): what is being done, owed and due.
    await seedDemoWorkPlans({ tx, clock, orgs, users });
    // Periodic evaluations on two of them: a latest score with a trend, and one semester under way.
    await seedDemoEvaluations({ tx, clock, orgs, users });
    // Indicators with quarterly values on the cooperations in force: what the work is achieving.
    await seedDemoIndicators({ tx, clock, orgs, users });
    // The escalation of the cooperation nobody has monitored (RSUD Wamena), step by step on the days the job would have run.
    await seedDemoEscalation({ tx, clock });
    // Periodic reports to the Gubernur: one accepted, one awaiting review, one pemda not reported.
    if (config.dataDir) await seedDemoReports({ tx, clock, orgs, users, dataDir: config.dataDir });
    // Progress updates: approved with a correction, returned, and one waiting for the secretariat.
    await seedDemoUpdates({ tx, clock, orgs, users });
    // TKKSD decree periods with members, and liaisons per OPD (some OPD below the minimum).
    await seedDemoTkksd({ tx, clock, orgs, users });
    // Meetings in Jayawijaya: a partner forum held with minutes and open follow-up actions, a rakor OPD ahead.
    await seedDemoMeetings({ tx, clock, orgs, users });
    // Jayawijaya's Pemetaan Potensi this year: accepted, submitted, returned and late OPD answers.
    await seedDemoMapping({ tx, clock, orgs, users });
    // Its register of potentials and needs: one need prioritised and followed through to a proposal.
    const proposed = await seedDemoPotentials({ tx, clock, orgs, users });
    // The public portal's first content: the running cooperations published by their secretariats (last, so updates and indicators are in).
    await seedDemoPortal({ tx, clock, orgs, users }, config.openData?.ocidPrefix ?? 'ocds-jejaring');

    return { seeded: true as const, organizations: ids.size, cooperations: cooperations + (proposed ? 1 : 0), accounts: DEMO_USERS.map((u) => ({ email: u.email, role: u.role })) };
  });

/** What the seed and reset commands print: what was loaded and how to sign in (never the password itself unless it is the public default). */
export const describeSeedSummary = (summary: SeedSummary, config: Pick<Config, 'demoPassword'>): string => {
  if (!summary.seeded) return `${summary.message}\n`;
  const password = config.demoPassword === DEFAULT_DEMO_PASSWORD ? `${DEFAULT_DEMO_PASSWORD} (default)` : 'the value of DEMO_PASSWORD';
  const width = Math.max(...summary.accounts.map((a) => a.email.length));
  const rows = summary.accounts.map((a) => `  ${a.email.padEnd(width)}  ${a.role}`).join('\n');

  return (
    `Demo data loaded (all fictional): ${summary.organizations} organisations, ${summary.cooperations} cooperations, ${summary.accounts.length} accounts.\n${rows}\n` +
    `Password for every account: ${password}. Admin accounts set up two-factor sign-in at their first sign-in.\n`
  );
};
