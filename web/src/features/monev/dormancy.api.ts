import { api, unwrap, type Schemas } from '../../lib/api';

export type Dormancy = Schemas['Dormancy'];

export const fetchDormancy = (id: string) => unwrap(api.GET('/api/cooperations/{id}/dormancy', { params: { path: { id } } }));
