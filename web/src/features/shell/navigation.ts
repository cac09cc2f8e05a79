import { paths } from '../../app/paths';

/** `anyPermission`: shown when the user holds at least one of them. */
export type NavItem = { to: string; labelKey: string; permission?: string; anyPermission?: readonly string[] };
export type NavSection = { id: string; labelKey: string; items: NavItem[] };

/** Every destination and the permission it needs; items without one are for every signed-in user. */
export const NAVIGATION: readonly NavSection[] = [
  {
    id: 'main',
    labelKey: 'nav.sections.main',
    items: [
      { to: paths.home, labelKey: 'nav.home' },
      { to: paths.account, labelKey: 'nav.account' },
    ],
  },
  {
    id: 'cooperation',
    labelKey: 'nav.sections.cooperation',
    items: [
      { to: paths.dashboard, labelKey: 'dashboards.nav', permission: 'dashboard.read' },
      // The pemda's yearly Pemetaan Potensi: its cycle, the OPDs' answers and the questionnaire.
      { to: paths.mapping, labelKey: 'mapping.nav', permission: 'mapping.read' },
      // Overseers (GWPP, Kemendagri): which pemda completed this year's mapping.
      { to: paths.mappingOverview, labelKey: 'potentials.overview.nav', permission: 'mapping.overview' },
      { to: paths.cooperations, labelKey: 'nav.cooperations', permission: 'cooperation.read' },
      // Meetings of one's pemda and those one is invited to.
      { to: paths.meetings, labelKey: 'meetings.nav', permission: 'cooperation.read' },
      { to: paths.rulePack, labelKey: 'nav.rulePack', permission: 'cooperation.read' },
      { to: paths.monevRubric, labelKey: 'nav.monevRubric', permission: 'cooperation.read' },
      { to: paths.documentTemplates, labelKey: 'nav.documentTemplates', permission: 'cooperation.read' },
      // Those who compile or review reports; other readers reach a report through its link.
      { to: paths.reports, labelKey: 'reports.menu', anyPermission: ['report.submit', 'report.review'] },
      // The secretariat's approval queue of progress updates.
      { to: paths.progressUpdatesQueue, labelKey: 'updates.nav', permission: 'update.review' },
    ],
  },
  {
    id: 'reference',
    labelKey: 'nav.sections.reference',
    items: [
      { to: paths.regions, labelKey: 'nav.regions' },
      { to: paths.urusan, labelKey: 'nav.urusan' },
    ],
  },
  {
    id: 'admin',
    labelKey: 'nav.sections.admin',
    items: [
      { to: paths.organizations, labelKey: 'nav.organizations', permission: 'org.read' },
      { to: paths.users, labelKey: 'nav.users', permission: 'user.read' },
      // A pemda's own people only: not partners, overseers or the platform operator.
      { to: paths.tkksd, labelKey: 'tkksd.nav', permission: 'tkksd.read' },
      { to: paths.audit, labelKey: 'nav.audit', permission: 'audit.read' },
      { to: paths.outbox, labelKey: 'nav.outbox', permission: 'outbox.read' },
      { to: paths.strategicIssues, labelKey: 'nav.strategicIssues', permission: 'reference.manage' },
    ],
  },
];

const allowed = (item: NavItem, permissions: readonly string[]) =>
  (item.permission === undefined || permissions.includes(item.permission)) && (item.anyPermission === undefined || item.anyPermission.some((p) => permissions.includes(p)));

/** The navigation a user sees: only items their permissions allow, and no empty sections. */
export const visibleNavigation = (permissions: readonly string[]): NavSection[] =>
  NAVIGATION.map((s) => ({ ...s, items: s.items.filter((i) => allowed(i, permissions)) })).filter((s) => s.items.length > 0);
