import type { Db } from '../../platform/db/database.js';
import { jakartaDay } from '../cooperations/index.js';
import { findRoleHolders } from '../identity/index.js';
import { notify, type Notice } from '../notifications/index.js';
import type { Deps } from './cycles.usecases.js';
import { ANSWERER_ROLES, MANAGER_ROLES } from './cycles.policy.js';

/** In-app notices of the answer flow: the TKKSD hears of a submission, the OPD of a return or a reopening. */
type Facts = { tx: Db; tenantId: string; cycleId: string; orgId: string; orgName: string; year: number };

const link = (f: Facts) => `/app/pemetaan-potensi/${f.cycleId}/opd/${f.orgId}`;

const NOTICES = {
  submitted: {
    title: { id: 'Jawaban pemetaan {org} menunggu tinjauan', en: 'Mapping answer of {org} awaits review' },
    body: { id: '{actor} mengirim jawaban pemetaan potensi {year} (pengiriman ke-{revision}).', en: '{actor} submitted the {year} potential mapping answer (submission {revision}).' },
  },
  returned: {
    title: { id: 'Jawaban pemetaan {org} dikembalikan', en: 'Mapping answer of {org} returned' },
    body: { id: '{actor} mengembalikan jawaban pemetaan {year}: {comment}', en: '{actor} returned the {year} mapping answer: {comment}' },
  },
  reopened: {
    title: { id: 'Pengisian pemetaan {org} dibuka kembali', en: 'Mapping submission reopened for {org}' },
    body: { id: '{actor} membuka kembali pengisian pemetaan {year} sampai {deadline}.', en: '{actor} reopened the {year} mapping submission until {deadline}.' },
  },
} satisfies Record<string, Pick<Notice, 'title' | 'body'>>;

export const noticeAnswer = async (deps: Deps & { publicUrl: string }, f: Facts, kind: keyof typeof NOTICES, params: Record<string, string | number>) => {
  const toManagers = kind === 'submitted';
  const holders = await findRoleHolders({
    db: f.tx,
    onDate: jakartaDay(deps.clock.now()),
    ...(toManagers ? { tenantIds: [f.tenantId], roles: [...MANAGER_ROLES] } : { orgIds: [f.orgId], roles: [...ANSWERER_ROLES] }),
  });
  await notify({
    db: f.tx,
    clock: deps.clock,
    publicUrl: deps.publicUrl,
    recipients: holders.filter((h) => h.id !== deps.actor.userId),
    notice: { ...NOTICES[kind], kind: `mapping.answer_${kind}`, params: { org: f.orgName, year: f.year, actor: deps.actor.name, ...params }, link: link(f), tenantId: f.tenantId, email: false },
  });
};
