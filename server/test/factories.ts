import { randomUUID } from 'node:crypto';
import { hashPassword } from '../modules/identity/index.js';
import { appUser, roleAssignment } from '../modules/identity/identity.tables.js';
import { organization } from '../modules/organizations/organizations.tables.js';
import type { Db } from '../platform/db/database.js';
import type { TestContext, TestSession } from './context.js';

/**
 * Test data builders with defaults and overrides. They write rows directly so that each test
 * states only what it needs; behaviour under test always goes through the app.
 */
export const TEST_PASSWORD = 'Uji-Coba-Kata-Sandi-2026';

let passwordHash: Promise<string> | undefined;
const testPasswordHash = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

const NOW = new Date('2026-03-01T00:00:00Z');
let counter = 0;
const unique = () => `${process.pid}${++counter}`;

export type OrgRow = typeof organization.$inferSelect;

/** A pemda tenant for a region code (kab/kota "63.06" or province "63"). */
export const buildTenant = async (db: Db, overrides: { regionCode: string; name?: string }): Promise<OrgRow> => {
  const id = randomUUID();

  return (
    await db
      .insert(organization)
      .values({
        id,
        type: 'PEMDA',
        name: overrides.name ?? `Pemerintah Daerah ${overrides.regionCode}`,
        regionCode: overrides.regionCode,
        tenantId: id,
        registryIds: {},
        active: true,
        createdAt: NOW,
        updatedAt: NOW,
      })
      .returning()
  )[0]!;
};

export const buildOrg = async (
  db: Db,
  overrides: Partial<typeof organization.$inferInsert> & { type: OrgRow['type'] },
): Promise<OrgRow> =>
  (
    await db
      .insert(organization)
      .values({ name: `Organisasi ${unique()}`, registryIds: {}, active: true, createdAt: NOW, updatedAt: NOW, ...overrides })
      .returning()
  )[0]!;

export type RoleSpec = { role: string; orgId: string; validFrom?: string; validTo?: string | null };

export const buildUser = async (
  db: Db,
  overrides: { orgId: string; email?: string; name?: string; roles?: RoleSpec[]; totpSecret?: string | null; status?: 'ACTIVE' | 'DISABLED'; nip?: string; phone?: string },
) => {
  const user = (
    await db
      .insert(appUser)
      .values({
        email: overrides.email ?? `user${unique()}@test.jejaring.id`,
        name: overrides.name ?? `Pengguna ${unique()}`,
        nip: overrides.nip ?? null,
        phone: overrides.phone ?? null,
        orgId: overrides.orgId,
        passwordHash: await testPasswordHash(),
        status: overrides.status ?? 'ACTIVE',
        locale: 'id',
        totpSecret: overrides.totpSecret ?? null,
        totpEnabledAt: overrides.totpSecret ? NOW : null,
        createdAt: NOW,
        updatedAt: NOW,
      })
      .returning()
  )[0]!;
  for (const r of overrides.roles ?? [])
    await db.insert(roleAssignment).values({ userId: user.id, role: r.role, orgId: r.orgId, validFrom: r.validFrom ?? '2026-01-01', validTo: r.validTo ?? null, createdAt: NOW });

  return user;
};

/** Signs in through the real endpoint and returns the cookie and CSRF token to reuse. */
export const signIn = async (ctx: TestContext, email: string, options: { password?: string; totp?: string } = {}): Promise<TestSession> => {
  const res = await ctx.request('/api/auth/login', { json: { email, password: options.password ?? TEST_PASSWORD, ...(options.totp ? { totp: options.totp } : {}) } });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string; userId: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .filter((c) => c?.startsWith('jj_session='))
    .join('; ');

  return { cookie, csrf: body.csrfToken, userId: body.userId };
};

/**
 * Two tenants with a secretariat user each, for isolation tests: A's user must never see B's data.
 */
export const buildTwoTenants = async (db: Db) => {
  const tenantA = await buildTenant(db, { regionCode: '63.06', name: 'Pemerintah Kabupaten Hulu Sungai Selatan' });
  const tenantB = await buildTenant(db, { regionCode: '95.01', name: 'Pemerintah Kabupaten Jayawijaya' });
  const userA = await buildUser(db, { orgId: tenantA.id, roles: [{ role: 'KSD_SECRETARIAT_ADMIN', orgId: tenantA.id }] });
  const userB = await buildUser(db, { orgId: tenantB.id, roles: [{ role: 'KSD_SECRETARIAT_ADMIN', orgId: tenantB.id }] });

  return { tenantA, tenantB, userA, userB };
};
