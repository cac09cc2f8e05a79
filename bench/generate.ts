import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../server/platform/db/database.js';
import { hashPassword } from '../server/modules/identity/index.js';

/**
 * A national-scale data set: every one of the 552 provinsi and kabupaten/kota as a pemda tenant,
 * each with its OPD and units, a DPRD, and staff users with roles — about what a national
 * installation run by Kemendagri would hold. Rows are written in bulk; the bench measures
 * reading, not seeding.
 */
export const BENCH_PASSWORD = 'Bench-Password-2026';
const UNIT_NAMES = ['Bappeda', 'Dinas Pekerjaan Umum dan Penataan Ruang', 'Dinas Kesehatan', 'Dinas Pendidikan', 'Badan Pengelolaan Keuangan dan Aset Daerah', 'Inspektorat', 'Bagian Kerja Sama Setda'];
const ROLES_PER_TENANT = ['KSD_SECRETARIAT_ADMIN', 'TKKSD_SEKRETARIS', 'OPD_STAFF', 'PPKSD', 'OPD_HEAD'];

/** One generated pemda tenant: what the cooperation generator needs to build parties. */
export type BenchPemda = { id: string; code: string; name: string; level: string; opdIds: string[]; secretariatUserId: string; secretariatEmail: string };

export type BenchData = {
  tenants: number;
  organizations: number;
  users: number;
  sampleEmails: string[];
  pemda: BenchPemda[];
  /** A Kemendagri viewer, who reads every cooperation (the worst case for search). */
  viewerEmail: string;
  viewerUserId: string;
  viewerOrgId: string;
};

const insertRows = async (db: Db, table: string, columns: string[], rows: unknown[][]) => {
  for (let i = 0; i < rows.length; i += 400) {
    const chunk = rows.slice(i, i + 400);
    const values = sql.join(
      chunk.map((r) => sql`(${sql.join(r.map((v) => sql`${v}`), sql`, `)})`),
      sql`, `,
    );
    await db.execute(sql`INSERT INTO ${sql.identifier(table)} (${sql.raw(columns.map((c) => `"${c}"`).join(', '))}) VALUES ${values}`);
  }
};

export const generateNationalData = async (db: Db): Promise<BenchData> => {
  const regions = ((await db.execute(sql`SELECT code, name, level FROM region WHERE level IN ('PROVINSI','KABUPATEN','KOTA') AND valid_to IS NULL ORDER BY code`)) as unknown as {
    rows: { code: string; name: string; level: string }[];
  }).rows;
  const now = new Date('2026-06-01T00:00:00Z').toISOString();
  const hash = await hashPassword(BENCH_PASSWORD);
  const orgs: unknown[][] = [];
  const users: unknown[][] = [];
  const roles: unknown[][] = [];
  const sampleEmails: string[] = [];
  const pemda: BenchPemda[] = [];
  for (const r of regions) {
    const tenantId = randomUUID();
    const prefix = r.level === 'PROVINSI' ? 'Pemerintah Provinsi' : r.level === 'KOTA' ? 'Pemerintah' : 'Pemerintah';
    orgs.push([tenantId, 'PEMDA', `${prefix} ${r.name}`, r.code, null, tenantId, now, now]);
    const unitIds = UNIT_NAMES.map((name) => {
      const id = randomUUID();
      orgs.push([id, name.startsWith('Bagian') ? 'UNIT' : 'OPD', `${name} ${r.name}`, r.code, tenantId, tenantId, now, now]);

      return id;
    });
    orgs.push([randomUUID(), 'DPRD', `Sekretariat DPRD ${r.name}`, r.code, tenantId, tenantId, now, now]);
    const slug = r.code.replace('.', '');
    const entry: BenchPemda = { id: tenantId, code: r.code, name: r.name, level: r.level, opdIds: unitIds, secretariatUserId: '', secretariatEmail: '' };
    pemda.push(entry);
    ROLES_PER_TENANT.forEach((role, i) => {
      const userId = randomUUID();
      const orgId = role === 'KSD_SECRETARIAT_ADMIN' || role === 'TKKSD_SEKRETARIS' ? tenantId : unitIds[i % unitIds.length]!;
      const email = `${role.toLowerCase()}.${slug}@bench.jejaring.test`;
      users.push([userId, email, `Pengguna Uji ${role} ${r.code}`, orgId, hash, 'ACTIVE', 'id', now, now]);
      roles.push([randomUUID(), userId, role, orgId, '2026-01-01', now]);
      if (role === 'KSD_SECRETARIAT_ADMIN') Object.assign(entry, { secretariatUserId: userId, secretariatEmail: email });
      if (role === 'KSD_SECRETARIAT_ADMIN' && sampleEmails.length < 50) sampleEmails.push(email);
    });
  }
  const kemendagri = randomUUID();
  orgs.push([kemendagri, 'KEMENDAGRI_UNIT', 'Direktorat Dekonsentrasi, Tugas Pembantuan dan Kerja Sama', null, null, null, now, now]);
  const viewerId = randomUUID();
  const viewerEmail = 'pemantau.kemendagri@bench.jejaring.test';
  users.push([viewerId, viewerEmail, 'Pemantau Kemendagri', kemendagri, hash, 'ACTIVE', 'id', now, now]);
  roles.push([randomUUID(), viewerId, 'KEMENDAGRI_VIEWER', kemendagri, '2026-01-01', now]);
  await insertRows(db, 'organization', ['id', 'type', 'name', 'region_code', 'parent_id', 'tenant_id', 'created_at', 'updated_at'], orgs);
  await insertRows(db, 'app_user', ['id', 'email', 'name', 'org_id', 'password_hash', 'status', 'locale', 'created_at', 'updated_at'], users);
  await insertRows(db, 'role_assignment', ['id', 'user_id', 'role', 'org_id', 'valid_from', 'created_at'], roles);
  await db.execute(sql`ANALYZE`);

  return { tenants: regions.length, organizations: orgs.length, users: users.length, sampleEmails, pemda, viewerEmail, viewerUserId: viewerId, viewerOrgId: kemendagri };
};
