import { api, unwrap, type Schemas } from '../../lib/api';
import { formatNumber } from '../../lib/format';

export { uploadFile } from '../cooperations/documents/documents.api';

export type EvaluationList = Schemas['EvaluationList'];
export type EvaluationSummary = Schemas['EvaluationSummary'];
export type EvaluationDetail = Schemas['EvaluationDetail'];
export type EvaluationRating = Schemas['EvaluationRating'];
export type RatingsPut = Schemas['EvaluationRatingsPut'];
export type Finalise = Schemas['EvaluationFinalise'];
export type RubricView = Schemas['MonevRubricView'];
export type Rubric = Schemas['MonevRubric'];
export type RaterRole = EvaluationRating['raterRole'];
export type Recommendation = Finalise['recommendation'];

export const RATER_ROLES: RaterRole[] = ['OPD', 'MITRA', 'TKKSD', 'SEKRETARIAT'];
export const RECOMMENDATIONS: Recommendation[] = ['LANJUT', 'PERBAIKI', 'HENTIKAN'];
export const SCORES = [1, 2, 3, 4, 5] as const;

export const evaluationsKey = (cooperationId: string) => ['cooperations', 'evaluations', cooperationId] as const;
export const evaluationKey = (id: string) => ['evaluations', id] as const;
export const rubricKey = ['monev', 'rubric'] as const;

export const fetchEvaluations = (cooperationId: string) => unwrap(api.GET('/api/cooperations/{id}/evaluations', { params: { path: { id: cooperationId } } }));

export const openEvaluation = (cooperationId: string, period: string) =>
  unwrap(api.POST('/api/cooperations/{id}/evaluations', { params: { path: { id: cooperationId } }, body: { period } }));

export const fetchEvaluation = (id: string) => unwrap(api.GET('/api/evaluations/{id}', { params: { path: { id } } }));

export const saveRatings = (id: string, body: RatingsPut) => unwrap(api.PUT('/api/evaluations/{id}/ratings', { params: { path: { id } }, body }));

export const finaliseEvaluation = (id: string, body: Finalise) => unwrap(api.POST('/api/evaluations/{id}/finalise', { params: { path: { id } }, body }));

export const fetchRubric = () => unwrap(api.GET('/api/monev/rubric'));

export const publishRubric = (body: Schemas['MonevRubricPublish']) => unwrap(api.PUT('/api/monev/rubric', { body }));

/** "3,67" / "3.67": a 1–5 score in the reader's language, always with two decimals. */
export const formatScore = (score: string | number, lang: 'id' | 'en') => formatNumber(Number(score), lang, 2);

/** Where a rater's evidence file is opened (the files module checks who may read it). */
export const evidenceUrl = (fileId: string) => `/api/files/${encodeURIComponent(fileId)}/content`;

/** The current semester (WIB) as the default period to open: "2026-S1". */
export const currentSemester = (now: Date) => {
  const wib = new Date(now.getTime() + 7 * 3600_000);

  return `${wib.getUTCFullYear()}-S${wib.getUTCMonth() < 6 ? 1 : 2}`;
};
