import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { parsedJson } from '../../platform/db/json-rows.js';

/**
 * What the portal may publish of a cooperation (issue 6, ADR 0028), read in one round trip and
 * named by institution only: parties are organisations (no signatory, no contact person),
 * documents are the shared versions (a pemda's internal ones never), and nothing about who
 * created or changed anything. The portal maps this to its public snapshot field by field.
 */
export type PublicationSource = {
  id: string;
  code: string;
  tenantId: string | null;
  regime: string;
  kind: string;
  ksddCategory: string | null;
  state: string;
  stateChangedAt: Date;
  objectCategory: string;
  title: string;
  objek: string;
  ruangLingkup: string[];
  startDate: string | null;
  endDate: string | null;
  signedAt: string | null;
  progress: number;
  lastMonitoredAt: Date | null;
  urusan: { code: string; name: string }[];
  issues: { code: string; name: string }[];
  locations: { code: string; name: string }[];
  parties: { name: string; type: string; regionCode: string | null; regionName: string | null; isInitiator: boolean; leadOpd: string | null }[];
  funding: { source: string; year: number; amount: string; budgeted: boolean }[];
  documents: {
    id: string;
    type: string;
    title: string;
    version: number;
    status: string;
    signedAt: string | null;
    fileId: string | null;
    mediaType: string | null;
    size: number | null;
  }[];
};

type Json = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

export const loadPublicationSource = async (db: Db, id: string): Promise<PublicationSource | null> => {
  const result = (await db.execute(sql`
    SELECT c.id, c.code, c.tenant_id, c.regime, c.kind, c.ksdd_category, c.state, c.state_changed_at, c.object_category,
      c.title, c.objek, c.ruang_lingkup, c.start_date::text AS start_date, c.end_date::text AS end_date,
      c.signed_at::text AS signed_at, c.progress::float8 AS progress, c.last_monitored_at,
      (SELECT coalesce(json_agg(json_build_object('code', u.code, 'name', u.name_id) ORDER BY u.sort, u.code), '[]')
        FROM urusan u WHERE u.code = ANY(c.urusan_codes)) AS urusan,
      (SELECT coalesce(json_agg(json_build_object('code', i.code, 'name', i.name_id) ORDER BY i.sort, i.code), '[]')
        FROM strategic_issue i WHERE i.id = ANY(c.issue_ids)) AS issues,
      (SELECT coalesce(json_agg(json_build_object('code', r.code, 'name', r.name) ORDER BY r.code), '[]')
        FROM region r WHERE r.code = ANY(c.location_codes)) AS locations,
      (SELECT coalesce(json_agg(json_build_object(
          'name', o.name, 'type', o.type, 'regionCode', o.region_code, 'regionName', r.name,
          'isInitiator', p.is_initiator, 'leadOpd', lead.name) ORDER BY p.ordinal), '[]')
        FROM cooperation_party p JOIN organization o ON o.id = p.org_id
        LEFT JOIN region r ON r.code = o.region_code
        LEFT JOIN organization lead ON lead.id = p.lead_opd_id
        WHERE p.cooperation_id = c.id) AS parties,
      (SELECT coalesce(json_agg(json_build_object('source', f.source, 'year', f.year, 'amount', f.amount::text, 'budgeted', f.budgeted) ORDER BY f.ordinal), '[]')
        FROM cooperation_funding f WHERE f.cooperation_id = c.id) AS funding,
      (SELECT coalesce(json_agg(json_build_object(
          'id', d.id, 'type', d.type, 'title', d.title, 'version', d.version, 'status', d.status,
          'signedAt', d.signed_at::text, 'fileId', d.file_id, 'mediaType', s.media_type, 'size', s.size_bytes)
          ORDER BY d.type, d.version), '[]')
        FROM cooperation_document d LEFT JOIN stored_file s ON s.id = d.file_id
        WHERE d.cooperation_id = c.id AND d.private_tenant_id IS NULL) AS documents
    FROM cooperation c WHERE c.id = ${id}`)) as unknown as { rows: Json[] };
  const r = result.rows[0];
  if (!r) return null;
  const list = <T>(v: unknown) => parsedJson<T[]>(v);

  return {
    id: String(r.id),
    code: String(r.code),
    tenantId: str(r.tenant_id),
    regime: String(r.regime),
    kind: String(r.kind),
    ksddCategory: str(r.ksdd_category),
    state: String(r.state),
    stateChangedAt: new Date(r.state_changed_at as string),
    objectCategory: String(r.object_category),
    title: String(r.title),
    objek: String(r.objek),
    ruangLingkup: parsedJson<string[]>(r.ruang_lingkup),
    startDate: str(r.start_date),
    endDate: str(r.end_date),
    signedAt: str(r.signed_at),
    progress: Number(r.progress),
    lastMonitoredAt: r.last_monitored_at ? new Date(r.last_monitored_at as string) : null,
    urusan: list(r.urusan),
    issues: list(r.issues),
    locations: list(r.locations),
    parties: list(r.parties),
    funding: list<PublicationSource['funding'][number]>(r.funding).map((f) => ({ ...f, year: Number(f.year) })),
    documents: list<PublicationSource['documents'][number]>(r.documents).map((d) => ({ ...d, version: Number(d.version), size: d.size === null ? null : Number(d.size) })),
  };
};

/** The stored file of a shared document version, for the portal's public download (the portal checks it was ticked public). */
export const publicDocumentFile = async (db: Db, cooperationId: string, documentId: string) => {
  const result = (await db.execute(sql`
    SELECT s.file_name, s.media_type, s.size_bytes, s.sha256 FROM cooperation_document d JOIN stored_file s ON s.id = d.file_id
    WHERE d.id = ${documentId} AND d.cooperation_id = ${cooperationId} AND d.private_tenant_id IS NULL`)) as unknown as {
    rows: { file_name: string; media_type: string; size_bytes: string | number; sha256: string }[];
  };
  const r = result.rows[0];

  return r ? { fileName: r.file_name, mediaType: r.media_type, size: Number(r.size_bytes), sha256: r.sha256 } : null;
};
