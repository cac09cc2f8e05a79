import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import { listRegions } from '../reference/index.js';
import { tenantAccess } from './organizations.policy.js';
import * as repo from './organizations.repository.js';
import { scopeOf } from './organizations.usecases.js';

type TenantLevel = 'PROVINSI' | 'KABUPATEN' | 'KOTA';

/**
 * The pemda tenants the actor works in (write) or oversees (read): a GWPP reviewer sees the
 * kab/kota of their province read-only, Kemendagri every tenant read-only. Unlike the
 * organisation list, other pemda a tenant user can merely pick as partners are not included.
 */
export const listTenants = async ({ db, actor }: { db: Db; actor: Actor | null }) => {
  const scope = scopeOf(actor);
  const rows = await repo.listPemda(
    db,
    scope.readAll ? { all: true } : { all: false, ids: scope.tenantIds, oversightProvinceCodes: scope.oversightProvinceCodes },
  );
  if (rows.length === 0) return [];
  // One read of the ~550 provinsi and kab/kota instead of one per tenant.
  const regions = await listRegions({ db, query: { levels: ['PROVINSI', 'KABUPATEN', 'KOTA'], includeExpired: true, limit: 1000, offset: 0 } });
  const byCode = new Map(regions.items.map((r) => [r.code, r]));

  return rows.flatMap((row) => {
    const access = tenantAccess(scope, { id: row.id, regionCode: row.regionCode });
    if (!access || row.regionCode === null) return [];
    const region = byCode.get(row.regionCode);

    return [
      {
        id: row.id,
        name: row.name,
        shortName: row.shortName,
        regionCode: row.regionCode,
        regionName: region?.name ?? null,
        level: (region?.level as TenantLevel | undefined) ?? null,
        active: row.active,
        access,
      },
    ];
  });
};
