export { authenticate, registerAuthRoutes, SESSION_COOKIE, CSRF_COOKIE, CSRF_HEADER, type IdentityDeps, type SessionDeps } from './identity.routes.js';
export { registerUserAdminRoutes } from './users.routes.js';
export { ROLES, PERMISSIONS, ROLE_PERMISSIONS, TWO_FACTOR_ROLES, type Role, type Permission } from './identity.policy.js';
export { hashPassword } from './identity.passwords.js';
export { createUser, findRoleHolders, type CreateUserInput } from './users.usecases.js';
export { grantRole, type GrantRoleInput } from './roles.usecases.js';
export { registerInvitationRoutes } from './invitations.routes.js';
export { inviteUser, type InviteInput } from './invitations.usecases.js';
export { ROLE_NAMES, roleName } from './roles.names.js';
