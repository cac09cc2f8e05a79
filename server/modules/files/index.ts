export { registerFileRoutes, type FilesDeps } from './files.routes.js';
export { getFile } from './files.usecases.js';
export { ALLOWED_FILE_TYPES, attachmentHeaders, contentDisposition } from './files.models.js';
export { storeGeneratedFile, openGeneratedFile } from './generated.usecases.js';
