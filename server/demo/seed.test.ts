import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, it } from 'node:test';
import { projectRoot } from '../platform/paths.js';
import { describeEachDatabase } from '../test/context.js';
import { listAudit } from '../modules/audit/index.js';
import { listOrganizations, listTenants } from '../modules/organizations/index.js';
import { ROLES } from '../modules/identity/index.js';
import { DEMO_USERS, isEmptyInstallation, seedDemoData, type SeedSummary } from './index.js';

describeEachDatabase('demo data seed', (ctx) => {
  let first: SeedSummary;

  before(async () => {
    assert.equal(await isEmptyInstallation(ctx().db), true);
    first = await seedDemoData({ db: ctx().db, clock: ctx().clock, config: ctx().config });
  });

  it('fills an empty installation with the demo pemda, their units, GWPP, Kemendagri, a ministry and fictional partners', async () => {
    assert.equal(first.seeded, true);
    assert.equal(await isEmptyInstallation(ctx().db), false);
    const tenants = await listTenants({ db: ctx().db, actor: null });
    assert.deepEqual(
      tenants.map((t) => t.regionCode),
      ['18', '18.09', '63', '63.05', '63.06', '63.07', '93', '93.01', '95', '95.01', '96', '96.02'],
    );
    assert.equal(tenants.find((t) => t.regionCode === '63.06')?.name, 'Pemerintah Kabupaten Hulu Sungai Selatan');
    const count = async (type: string) => (await listOrganizations({ db: ctx().db, actor: null, query: { types: [type as 'GWPP'], limit: 1, offset: 0 } })).total;
    assert.equal(await count('GWPP'), 5);
    assert.equal(await count('DPRD'), 7);
    assert.equal(await count('KEMENDAGRI_UNIT'), 1);
    assert.equal(await count('KL_PUSAT'), 1);
    const partners = await listOrganizations({ db: ctx().db, actor: null, query: { types: ['PIHAK_KETIGA', 'FOREIGN_LOCAL_GOV', 'FOREIGN_INSTITUTION'], limit: 50, offset: 0 } });
    assert.equal(partners.total, 5);
    assert.ok(partners.items.every((p) => p.name.includes('(fiktif)')));
  });

  it('creates one account for every role, each of which can sign in with the demo password', async () => {
    assert.deepEqual([...new Set(DEMO_USERS.map((u) => u.role))].sort(), [...ROLES].sort());
    for (const user of DEMO_USERS) {
      const res = await ctx().request('/api/auth/login', { json: { email: user.email, password: ctx().config.demoPassword } });
      assert.equal(res.status, 200, `${user.email} (${user.role}) could not sign in: ${await res.clone().text()}`);
    }
  });

  it('is documented account by account in docs/demo-logins.md', () => {
    const doc = fs.readFileSync(path.join(projectRoot, 'docs', 'demo-logins.md'), 'utf8');
    for (const user of DEMO_USERS) assert.ok(doc.includes(`| \`${user.email}\` | ${user.role} |`), `${user.email} is missing from the demo logins page`);
  });

  it('leaves admins without two-factor so that they enrol at first sign-in', async () => {
    const admin = DEMO_USERS.find((u) => u.role === 'PLATFORM_ADMIN')!;
    const login = await ctx().request('/api/auth/login', { json: { email: admin.email, password: ctx().config.demoPassword } });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c?.startsWith('jj_session='))!;
    const me = (await (await ctx().request('/api/me', { headers: { cookie } })).json()) as { restricted: boolean; twoFactor: { enabled: boolean; required: boolean } };
    assert.deepEqual(me.twoFactor, { enabled: false, required: true });
    assert.equal(me.restricted, true);
  });

  it('gives the GWPP reviewer of Kalimantan Selatan read-only oversight of its three kabupaten', async () => {
    const gwpp = DEMO_USERS.find((u) => u.role === 'GWPP_REVIEWER')!;
    const login = await ctx().request('/api/auth/login', { json: { email: gwpp.email, password: ctx().config.demoPassword } });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c?.startsWith('jj_session='))!;
    const body = (await (await ctx().request('/api/tenants', { headers: { cookie } })).json()) as { items: { regionCode: string; access: string }[] };
    assert.deepEqual(body.items.map((t) => `${t.regionCode}:${t.access}`), ['63.05:read', '63.06:read', '63.07:read']);
  });

  it('records the seeded organisations in the audit trail as the system', async () => {
    const { entries } = await listAudit({ db: ctx().db, filter: { action: 'organization.create' }, limit: 200 });
    assert.ok(entries.length > 60);
    assert.ok(entries.every((e) => e.actorUserId === null));
  });

  it('refuses to seed a second time and changes nothing', async () => {
    const before = (await listOrganizations({ db: ctx().db, actor: null, query: { limit: 1, offset: 0 } })).total;
    const again = await seedDemoData({ db: ctx().db, clock: ctx().clock, config: ctx().config });
    assert.equal(again.seeded, false);
    assert.match(again.seeded ? '' : again.message, /already has organisations/);
    assert.equal((await listOrganizations({ db: ctx().db, actor: null, query: { limit: 1, offset: 0 } })).total, before);
  });
});
