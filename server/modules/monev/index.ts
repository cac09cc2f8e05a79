export { registerWorkPlanRoutes, type WorkPlanDeps } from './workplan.routes.js';
export { createActivity, createMilestone, createObligation, getWorkPlan, updateActivity, updateMilestone, updateObligation } from './workplan.usecases.js';
export { registerEvaluationRoutes, type EvaluationDeps } from './evaluations.routes.js';
export { registerRubricRoutes } from './rubric.routes.js';
export { openEvaluation, putRatings, finaliseEvaluation, listEvaluations } from './evaluations.usecases.js';
export { NATIONAL_RUBRIC, computeScore, RATER_ROLES, RECOMMENDATIONS } from './evaluations.models.js';
export { registerIndicatorRoutes, type IndicatorDeps } from './indicators.routes.js';
export { createIndicator, recordIndicatorValue, listIndicators } from './indicators.usecases.js';
export { rollUp, periodAchievement, latestPeriod, type RollUpNode } from './indicators.models.js';
