export { registerFileRoutes, type FilesDeps } from './files.routes.js';
export { getFile } from './files.usecases.js';
export { ALLOWED_FILE_TYPES } from './files.models.js';
