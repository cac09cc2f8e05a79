import { api, unwrap, type Schemas } from '../../../lib/api';

export type Publication = Schemas['PublicationView'];
export type PublicationChange = Schemas['PublicationChange'];
export type PublicationRelease = Schemas['PublicationReleaseList']['items'][number];
export type OptionalField = keyof Publication['visibility'];

/** The optional parts in the order the panel lists them (contracts/portal.ts OPTIONAL_PUBLIC_FIELDS). */
export const OPTIONAL_FIELDS: OptionalField[] = ['ruangLingkup', 'funding', 'locations', 'indicators', 'updates', 'progress'];

export const publicationKey = (id: string) => ['cooperations', 'publication', id] as const;
export const releasesKey = (id: string) => ['cooperations', 'publication', id, 'releases'] as const;

const path = (id: string) => ({ params: { path: { id } } });

export const fetchPublication = (id: string) => unwrap(api.GET('/api/cooperations/{id}/publication', path(id)));
export const fetchReleases = (id: string) => unwrap(api.GET('/api/cooperations/{id}/publication/releases', path(id)));
export const publishCooperation = (id: string, body: PublicationChange) => unwrap(api.POST('/api/cooperations/{id}/publication/publish', { ...path(id), body }));
export const savePublication = (id: string, body: PublicationChange) => unwrap(api.PUT('/api/cooperations/{id}/publication', { ...path(id), body }));
export const refreshRelease = (id: string) => unwrap(api.POST('/api/cooperations/{id}/publication/refresh', { ...path(id), body: {} }));
export const withdrawCooperation = (id: string, reason: string) => unwrap(api.POST('/api/cooperations/{id}/publication/withdraw', { ...path(id), body: { reason } }));

/** Where the public JSON of the cooperation and its release history live (the open-data API). */
export const publicRecordPath = (id: string) => `/api/public/cooperations/${id}`;
export const publicReleasesPath = (id: string) => `/api/public/cooperations/${id}/releases`;
