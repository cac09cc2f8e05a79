import { api, unwrap, type Schemas } from '../../lib/api';

export type IndicatorList = Schemas['IndicatorList'];
export type Indicator = Schemas['Indicator'];
export type IndicatorInput = Schemas['IndicatorCreate'];
export type IndicatorValueInput = Schemas['IndicatorValueInput'];

export const DIRECTIONS: Indicator['direction'][] = ['INCREASE', 'DECREASE'];
export const FREQUENCIES: Indicator['frequency'][] = ['MONTHLY', 'QUARTERLY', 'SEMESTER', 'YEARLY'];

export const indicatorsKey = (id: string) => ['cooperations', 'indicators', id] as const;

export const fetchIndicators = (id: string) => unwrap(api.GET('/api/cooperations/{id}/indicators', { params: { path: { id } } }));
export const createIndicator = (id: string, body: IndicatorInput) => unwrap(api.POST('/api/cooperations/{id}/indicators', { params: { path: { id } }, body }));
export const updateIndicator = (id: string, indicatorId: string, body: Schemas['IndicatorUpdate']) =>
  unwrap(api.PATCH('/api/cooperations/{id}/indicators/{indicatorId}', { params: { path: { id, indicatorId } }, body }));
export const deleteIndicator = (id: string, indicatorId: string, expectedVersion: number) =>
  unwrap(api.DELETE('/api/cooperations/{id}/indicators/{indicatorId}', { params: { path: { id, indicatorId }, query: { expectedVersion } } }));
export const recordIndicatorValue = (id: string, indicatorId: string, body: IndicatorValueInput) =>
  unwrap(api.PUT('/api/cooperations/{id}/indicators/{indicatorId}/values', { params: { path: { id, indicatorId } }, body }));
