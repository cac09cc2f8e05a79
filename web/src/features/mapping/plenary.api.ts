import { api, unwrap, type Schemas } from '../../lib/api';

export type Plenary = Schemas['MappingPlenary'];
export type PlenaryItem = Plenary['items'][number];

export const plenaryKey = (id: string) => ['mapping', 'plenary', id] as const;
const path = (id: string) => ({ params: { path: { id } } });

export const fetchPlenary = (id: string) => unwrap(api.GET('/api/mapping/cycles/{id}/plenary', path(id)));
export const saveScores = (id: string, body: Schemas['MappingPlenaryScores']) => unwrap(api.PUT('/api/mapping/cycles/{id}/plenary/scores', { ...path(id), body }));
export const decidePlenary = (id: string, body: Schemas['MappingPlenaryDecision']) => unwrap(api.POST('/api/mapping/cycles/{id}/plenary/decision', { ...path(id), body }));

/** A plain link: the browser downloads the file with the session cookie. */
export const plenaryDocumentHref = (id: string, document: 'berita-acara' | 'keputusan', format: 'pdf' | 'docx') => `/api/mapping/cycles/${id}/plenary/${document}?format=${format}`;
