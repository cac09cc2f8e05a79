import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Kind, State } from '../../../contracts/cooperations.js';
import type { PublicCooperation, PublicDocument } from '../../../contracts/portal.js';
import { regionKeysOf, type PublicationSource } from '../cooperations/index.js';
import type { PublicMonev } from '../monev/index.js';
import type { Visibility } from './portal.tables.js';

/**
 * The public snapshot, built by explicit mapping (ADR 0028): each public field is named here, so a
 * new internal column never becomes public by accident. Persons never appear — parties are
 * organisations, updates carry no author, documents are only the versions ticked public.
 */
export type SnapshotInput = {
  source: PublicationSource;
  monev: PublicMonev;
  visibility: Visibility;
  publicDocumentIds: readonly string[];
  ocid: string;
  inactive: boolean;
};

export const ocidOf = (prefix: string, cooperationId: string) => `${prefix}-${cooperationId}`;

export const documentPath = (cooperationId: string, documentId: string) => `/api/public/cooperations/${cooperationId}/documents/${documentId}`;

/** Shared versions with a stored file: the only ones a secretariat can tick public (a body-only draft has nothing to download). */
export const publishableDocuments = (source: PublicationSource) => source.documents.filter((d) => d.fileId !== null && d.mediaType !== null);

const publicDocuments = (source: PublicationSource, ticked: readonly string[]): PublicDocument[] =>
  publishableDocuments(source)
    .filter((d) => ticked.includes(d.id))
    .map((d) => ({
      id: d.id,
      type: d.type,
      title: d.title,
      version: d.version,
      signedAt: d.signedAt,
      mediaType: d.mediaType!,
      size: d.size ?? 0,
      downloadPath: documentPath(source.id, d.id),
    }));

/** "Ringkasan" of an update: its first sentence (or first 120 characters) as a title, the full narrative as summary. */
const updateTitle = (narrative: string) => {
  const first = narrative.trim().split(/(?<=[.!?])\s|\n/)[0] ?? '';

  return first.length > 120 ? `${first.slice(0, 117).trimEnd()}…` : first;
};

export const buildSnapshot = ({ source: s, monev, visibility: v, publicDocumentIds, ocid, inactive }: SnapshotInput): PublicCooperation => ({
  id: s.id,
  ocid,
  code: s.code,
  title: s.title,
  kind: s.kind as Kind,
  ksddCategory: s.ksddCategory,
  state: s.state as State,
  objectCategory: s.objectCategory,
  objek: s.objek,
  urusan: s.urusan.map((u) => ({ code: u.code, name: u.name })),
  strategicIssues: s.issues.map((i) => ({ code: i.code, name: i.name })),
  parties: s.parties.map((p) => ({ name: p.name, type: p.type, regionCode: p.regionCode, regionName: p.regionName, isInitiator: p.isInitiator, leadOpd: p.leadOpd })),
  startDate: s.startDate,
  endDate: s.endDate,
  signedAt: s.signedAt,
  inactive,
  ...(v.ruangLingkup ? { ruangLingkup: [...s.ruangLingkup] } : {}),
  ...(v.funding ? { funding: s.funding.map((f) => ({ source: f.source, year: f.year, amount: f.amount, budgeted: f.budgeted })) } : {}),
  ...(v.locations ? { locations: s.locations.map((l) => ({ code: l.code, name: l.name })) } : {}),
  ...(v.indicators ? { indicators: monev.indicators.map((i) => ({ name: i.name, unit: i.unit, baseline: i.baseline, target: i.target, latest: i.latest })) } : {}),
  ...(v.updates ? { updates: monev.updates.map((u) => ({ date: u.asOf, title: updateTitle(u.narrative), summary: u.narrative, progress: u.progress })) } : {}),
  ...(v.progress ? { progress: s.progress } : {}),
  documents: publicDocuments(s, publicDocumentIds),
});

/** SHA-256 of the RFC 8785 canonical JSON: equal snapshots hash equal whatever the key order. */
export const snapshotHash = (snapshot: PublicCooperation | null) => createHash('sha256').update(canonicalize(snapshot) ?? 'null').digest('hex');

/** The list and search projection of a snapshot: only what the snapshot itself publishes. */
export const entryOf = (snapshot: PublicCooperation) => {
  const regionCodes = [...new Set([...snapshot.parties.map((p) => p.regionCode).filter((c): c is string => c !== null), ...(snapshot.locations ?? []).map((l) => l.code)])].sort();

  return {
    ocid: snapshot.ocid,
    code: snapshot.code,
    title: snapshot.title,
    kind: snapshot.kind,
    state: snapshot.state,
    urusanCodes: snapshot.urusan.map((u) => u.code),
    regionCodes,
    regionKeys: regionKeysOf(regionCodes),
    partyNames: snapshot.parties.map((p) => p.name),
    startDate: snapshot.startDate,
    endDate: snapshot.endDate,
    inactive: snapshot.inactive,
    searchText: [snapshot.code, snapshot.title, snapshot.objek, ...(snapshot.ruangLingkup ?? []), ...snapshot.parties.map((p) => p.name)].join(' · '),
  };
};
