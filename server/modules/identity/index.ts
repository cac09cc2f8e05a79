export { authenticate, registerAuthRoutes, SESSION_COOKIE, CSRF_COOKIE, CSRF_HEADER, type IdentityDeps } from './identity.routes.js';
export { ROLES, PERMISSIONS, type Role, type Permission } from './identity.policy.js';
export { hashPassword } from './identity.passwords.js';
