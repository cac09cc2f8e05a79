export { registerMappingCycleRoutes, type MappingCycleDeps } from './cycles.routes.js';
export { createCycle, updateCycle, advanceCycle, getCycle, listCycles } from './cycles.usecases.js';
export { STAGES as MAPPING_STAGES, CYCLE_ACTIONS as MAPPING_CYCLE_ACTIONS, type Stage as MappingStage } from './cycles.models.js';
export { saveAnswer, returnAnswer, acceptAnswer, reopenAnswer, getAnswer } from './answers.usecases.js';
export { createQuestionnaire, updateQuestionnaire, ensureDefaultQuestionnaire, DEFAULT_QUESTIONNAIRE } from './questionnaires.usecases.js';
export { ITEM_KINDS, REGISTER_FIELDS, type Definition as QuestionnaireDefinition } from './questionnaires.models.js';
export type { Answers as MappingAnswers } from './answers.models.js';
