import { listPotentials, proposeCooperation, updatePotential } from '../modules/mapping/index.js';
import { demoActor, type DemoSeedDeps } from './demo.actors.js';

/**
 * The register Jayawijaya's accepted mapping answer produced (Dinkes: specialist doctors): the
 * TKKSD prioritises the need and the secretariat follows it through to a KSDD proposal with the
 * Pemprov Papua Pegunungan, whose RSUD the specialists would come from. Through the use cases, so
 * the link, the audit rows and the cooperation's potential_id are what the app would write.
 */
export const seedDemoPotentials = async ({ tx, clock, orgs, users }: DemoSeedDeps): Promise<boolean> => {
  const secretariat = users.get('sekretariat.jayawijaya');
  const province = orgs.get('papeg');
  if (!secretariat || !province) return false;
  const as = { db: tx, clock, lang: 'id' as const, ...demoActor(secretariat, orgs) };
  const register = await listPotentials({ ...as, query: { q: 'Dokter spesialis', limit: 5, offset: 0 } });
  const need = register.items[0];
  if (!need) return false;
  const prioritised = await updatePotential({ ...as, id: need.id, input: { expectedVersion: need.rowVersion, status: 'DIPRIORITASKAN', reason: 'Rujukan ke Jayapura menjadi keluhan utama dalam musrenbang; dibahas dalam rapat pleno TKKSD.' } });
  await proposeCooperation({
    ...as,
    id: need.id,
    input: { expectedVersion: prioritised.rowVersion, kind: 'KSDD', ksddCategory: 'SUKARELA', objectCategory: 'PELAYANAN_PUBLIK', title: 'Penempatan dokter spesialis RSUD Wamena', partners: [{ orgId: province.id }] },
  });

  return true;
};
