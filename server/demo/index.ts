export { describeSeedSummary, isEmptyInstallation, seedDemoData, type SeedSummary } from './seed.js';
export { DEMO_USERS, DEMO_EMAIL_DOMAIN, type DemoUser } from './demo.users.js';
