/**
 * The public face of a cooperation (issue 6, ADR 0028): what a release holds and what the portal
 * and the open-data API serve. Only organisations, codes, dates, amounts and texts the secretariat
 * marked public appear here — never a person (no staff or signatory names, phone numbers, e-mail
 * addresses, NIK or NIP). The server builds it by explicit mapping; the web app and the SSR
 * portal read it. Types only, so nothing here weighs on a page.
 */
import type { Kind, State } from './cooperations.js';

/** Optional parts of a cooperation the secretariat may keep internal; the rest is always public once published. */
export const OPTIONAL_PUBLIC_FIELDS = ['ruangLingkup', 'funding', 'locations', 'indicators', 'updates', 'progress'] as const;
export type OptionalPublicField = (typeof OPTIONAL_PUBLIC_FIELDS)[number];

export type PublicRef = { code: string; name: string };

export type PublicParty = {
  /** Organisation name (an institution, never a person). */
  name: string;
  /** OPD, PEMDA, PARTNER, K/L … as the organisations module types it. */
  type: string;
  /** Kemendagri region code of a pemda party, else null. */
  regionCode: string | null;
  regionName: string | null;
  isInitiator: boolean;
  /** The lead OPD's name for this party, if any. */
  leadOpd: string | null;
};

export type PublicDocument = {
  id: string;
  /** KSB, PKS, NK, ADENDUM … (cooperations document types). */
  type: string;
  title: string;
  version: number;
  signedAt: string | null;
  mediaType: string;
  size: number;
  /** Path of the public download (under /api/public/). */
  downloadPath: string;
};

export type PublicIndicator = {
  name: string;
  unit: string;
  baseline: number;
  target: number;
  latest: { period: string; actual: number; target: number; achievement: number } | null;
};

export type PublicUpdate = { date: string; title: string; summary: string; progress: number | null };

export type PublicFunding = { source: string; year: number; amount: string; budgeted: boolean };

/** One cooperation as published: the snapshot a release keeps (fields hidden by the secretariat are absent). */
export type PublicCooperation = {
  /** The cooperation's id (stable across releases). */
  id: string;
  /** OCDS-style open contracting id: `${prefix}-${id}`. */
  ocid: string;
  code: string;
  title: string;
  kind: Kind;
  ksddCategory: string | null;
  state: State;
  objectCategory: string;
  objek: string;
  urusan: PublicRef[];
  strategicIssues: PublicRef[];
  parties: PublicParty[];
  startDate: string | null;
  endDate: string | null;
  signedAt: string | null;
  /** "Tidak aktif": in force and not monitored for the rule pack's dormantAfterMonths. */
  inactive: boolean;
  ruangLingkup?: string[];
  funding?: PublicFunding[];
  locations?: PublicRef[];
  indicators?: PublicIndicator[];
  updates?: PublicUpdate[];
  /** 0–100, rolled up by monitoring. */
  progress?: number;
  documents: PublicDocument[];
};

/** A dated, append-only publication of a cooperation (in the spirit of an OCDS release). */
export type PublicRelease = {
  id: string;
  ocid: string;
  /** 1, 2, 3 … per cooperation. */
  sequence: number;
  date: string;
  /** publication | update | withdrawal */
  tag: 'publication' | 'update' | 'withdrawal';
  cooperation: PublicCooperation | null;
};

/** One row of the public list and search. */
export type PublicCooperationSummary = {
  id: string;
  ocid: string;
  code: string;
  title: string;
  kind: Kind;
  state: State;
  urusanCodes: string[];
  regionCodes: string[];
  partyNames: string[];
  startDate: string | null;
  endDate: string | null;
  inactive: boolean;
  /** Date of the newest release. */
  releasedAt: string;
  /** Search hit with <mark>…</mark> around matches (other text HTML-escaped), when q was given. */
  snippet: string | null;
};

export type PublicCooperationList = { items: PublicCooperationSummary[]; nextCursor: string | null };

export type PublicCount = { code: string; name: string; count: number };

/** What one region cooperates on and with whom (its own code, or any code below it), from what is public now. */
export type PublicRegionSummary = {
  code: string;
  /** The region's name as the published snapshots give it; null when no published cooperation names it. */
  name: string | null;
  total: number;
  inactive: number;
  byKind: PublicCount[];
  byUrusan: PublicCount[];
  /** Other parties (organisations) the region cooperates with, most cooperations first. */
  partners: PublicCount[];
  /** Newest releases first, at most 50. */
  cooperations: PublicCooperationSummary[];
};

/** Figures for the statistics page and the portal's home, from what is public now. */
export type PublicStats = {
  total: number;
  inactive: number;
  byKind: PublicCount[];
  byState: PublicCount[];
  byUrusan: PublicCount[];
  /** Per province (first two digits of the party and location codes). */
  byProvince: PublicCount[];
  /** Date of the newest release, null before the first publication. */
  lastReleasedAt: string | null;
};

export type BilingualText = { id: string; en: string };

export type OpenDataVariable = { name: string; type: string; definition: BilingualText };

export type OpenDataDistribution = { format: 'CSV' | 'JSON'; mediaType: string; url: string };

/** Satu Data Indonesia metadata of the open data (GET /api/public/metadata, stable contract). */
export type OpenDataMetadata = {
  title: BilingualText;
  description: BilingualText;
  /** Produsen data. */
  producer: string;
  /** How the data reaches the walidata (Satu Data's data steward). */
  walidata: BilingualText;
  period: { from: string | null; to: string | null };
  updateFrequency: BilingualText & { code: string };
  lastModified: string | null;
  releases: number;
  licence: { id: string; url: string };
  referenceCodes: { regions: { name: string; decree: string }; urusan: { name: string; codes: PublicRef[] } };
  datasets: { name: string; title: BilingualText; description: BilingualText; variables: OpenDataVariable[]; distributions: OpenDataDistribution[] }[];
  /** The JSON API, the change feed, the release packages and the DCAT catalogue. */
  api: { name: string; url: string; description: BilingualText }[];
};
