import { and, eq, max } from 'drizzle-orm';
import type { Db } from '../platform/db/database.js';
import { cooperationDocument } from '../modules/cooperations/cooperations.tables.js';
import type { TestContext, TestSession } from './context.js';
import { buildOrg, buildTenant, buildUser, signIn } from './factories.js';

const ROLES_PER_PEMDA = ['KSD_SECRETARIAT_ADMIN', 'TKKSD_KETUA', 'KEPALA_DAERAH'] as const;

/**
 * One pemda as a Bagian Kerja Sama sees it: the secretariat, the TKKSD chair, the Kepala Daerah,
 * an OPD with its head and staff, and the DPRD with its secretariat, each signed in.
 */
export const buildPemdaWorld = async (ctx: TestContext, regionCode: string, name: string) => {
  const db = ctx.db;
  const tenant = await buildTenant(db, { regionCode, name });
  const opd = await buildOrg(db, { type: 'OPD', name: `Dinas Lingkungan Hidup ${name}`, tenantId: tenant.id, parentId: tenant.id, regionCode });
  const dprd = await buildOrg(db, { type: 'DPRD', name: `DPRD ${name}`, tenantId: tenant.id, parentId: tenant.id, regionCode });
  const users = {
    secretariat: await buildUser(db, { orgId: tenant.id, roles: [{ role: 'KSD_SECRETARIAT_ADMIN', orgId: tenant.id }] }),
    tkksd: await buildUser(db, { orgId: tenant.id, roles: [{ role: 'TKKSD_KETUA', orgId: tenant.id }] }),
    kepala: await buildUser(db, { orgId: tenant.id, roles: [{ role: 'KEPALA_DAERAH', orgId: tenant.id }] }),
    opdHead: await buildUser(db, { orgId: opd.id, roles: [{ role: 'OPD_HEAD', orgId: opd.id }] }),
    opdStaff: await buildUser(db, { orgId: opd.id, roles: [{ role: 'OPD_STAFF', orgId: opd.id }] }),
    dprd: await buildUser(db, { orgId: dprd.id, roles: [{ role: 'DPRD_SECRETARIAT', orgId: dprd.id }] }),
  };
  const sessions = {} as Record<keyof typeof users, TestSession>;
  for (const [key, user] of Object.entries(users)) sessions[key as keyof typeof users] = await signIn(ctx, user.email);

  return { tenant, opd, dprd, users, sessions };
};
export type PemdaWorld = Awaited<ReturnType<typeof buildPemdaWorld>>;

export const ALL_PEMDA_ROLES = ROLES_PER_PEMDA;

const nextVersion = async (db: Db, cooperationId: string, type: string) =>
  1 +
  ((await db.select({ v: max(cooperationDocument.version) }).from(cooperationDocument).where(and(eq(cooperationDocument.cooperationId, cooperationId), eq(cooperationDocument.type, type))))[0]?.v ?? 0);

/** A document row as if uploaded or drafted (the documents API has its own tests). */
export const addDocument = async (
  db: Db,
  cooperationId: string,
  type: string,
  options: { status?: 'DRAFT' | 'FINAL' | 'SIGNED'; sections?: { clause: string; heading: string; text: string }[]; privateTenantId?: string | null } = {},
) =>
  (
    await db
      .insert(cooperationDocument)
      .values({
        cooperationId,
        type,
        title: type,
        version: await nextVersion(db, cooperationId, type),
        status: options.status ?? 'FINAL',
        privateTenantId: options.privateTenantId ?? null,
        body: options.sections ? { sections: options.sections } : null,
        createdAt: new Date('2026-03-01T00:00:00Z'),
      })
      .returning()
  )[0]!;

/** A draft whose sections cover every given clause. */
export const completeDraft = (clauses: readonly string[]) => clauses.map((clause) => ({ clause, heading: clause, text: `Isi pasal ${clause}.` }));

/** The body of a KSDD between two pemda, with the first one's OPD leading. */
export const ksddInput = (a: PemdaWorld, b: PemdaWorld, overrides: Record<string, unknown> = {}) => ({
  kind: 'KSDD',
  ksddCategory: 'SUKARELA',
  title: 'Pengelolaan sampah regional bersama',
  objek: 'Pengelolaan tempat pemrosesan akhir sampah regional',
  ruangLingkup: ['Pengangkutan sampah antardaerah', 'Pengelolaan TPA regional'],
  objectCategory: 'PELAYANAN_PUBLIK',
  urusanCodes: ['2.11'],
  locationCodes: [a.tenant.regionCode!, b.tenant.regionCode!],
  burdensCommunity: false,
  funding: [{ source: 'APBD', partyOrgId: a.tenant.id, year: 2026, amount: '1500000000.00', budgeted: true }],
  parties: [
    { orgId: a.tenant.id, leadOpdId: a.opd.id, signatoryName: 'Bupati A', signatoryPosition: 'Bupati' },
    { orgId: b.tenant.id, leadOpdId: b.opd.id, signatoryName: 'Bupati B', signatoryPosition: 'Bupati' },
  ],
  ...overrides,
});
