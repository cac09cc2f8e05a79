import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { RequireSession, useCan } from '../features/auth/session';
import { SignInPage } from '../features/auth/SignInPage';
import { InvitationPage } from '../features/auth/InvitationPage';
import { AppShell } from '../features/shell/AppShell';
import { Loading } from '../ui/Status';
import { paths } from './paths';

// Everything behind sign-in loads on demand, so the sign-in page stays small on slow connections.
const HomePage = lazy(() => import('../features/home/HomePage').then((m) => ({ default: m.HomePage })));
const AccountPage = lazy(() => import('../features/account/AccountPage').then((m) => ({ default: m.AccountPage })));
const TwoFactorEnrolmentPage = lazy(() => import('../features/account/TwoFactorEnrolmentPage').then((m) => ({ default: m.TwoFactorEnrolmentPage })));
const RegionsPage = lazy(() => import('../features/reference/RegionsPage').then((m) => ({ default: m.RegionsPage })));
const UrusanPage = lazy(() => import('../features/reference/UrusanPage').then((m) => ({ default: m.UrusanPage })));
const StrategicIssuesPage = lazy(() => import('../features/strategic-issues/StrategicIssuesPage').then((m) => ({ default: m.StrategicIssuesPage })));
const OrganizationsPage = lazy(() => import('../features/organizations/OrganizationsPage').then((m) => ({ default: m.OrganizationsPage })));
const OrganizationDetailPage = lazy(() => import('../features/organizations/OrganizationDetailPage').then((m) => ({ default: m.OrganizationDetailPage })));
const OrganizationFormPage = lazy(() => import('../features/organizations/OrganizationFormPage').then((m) => ({ default: m.OrganizationFormPage })));
const UsersPage = lazy(() => import('../features/users/UsersPage').then((m) => ({ default: m.UsersPage })));
const UserCreatePage = lazy(() => import('../features/users/UserCreatePage').then((m) => ({ default: m.UserCreatePage })));
const UserDetailPage = lazy(() => import('../features/users/UserDetailPage').then((m) => ({ default: m.UserDetailPage })));
const AuditPage = lazy(() => import('../features/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const OutboxPage = lazy(() => import('../features/outbox/OutboxPage').then((m) => ({ default: m.OutboxPage })));
const OutboxMessagePage = lazy(() => import('../features/outbox/OutboxMessagePage').then((m) => ({ default: m.OutboxMessagePage })));
const AboutPage = lazy(() => import('../features/about/AboutPage').then((m) => ({ default: m.AboutPage })));
const RegisterPage = lazy(() => import('../features/cooperations/RegisterPage').then((m) => ({ default: m.RegisterPage })));
const CooperationFormPage = lazy(() => import('../features/cooperations/CooperationFormPage').then((m) => ({ default: m.CooperationFormPage })));
const CooperationImportPage = lazy(() => import('../features/cooperations/import/ImportPage').then((m) => ({ default: m.ImportPage })));
const CooperationDetailPage = lazy(() => import('../features/cooperations/CooperationDetailPage').then((m) => ({ default: m.CooperationDetailPage })));
const RulePackPage = lazy(() => import('../features/cooperations/RulePackPage').then((m) => ({ default: m.RulePackPage })));
const TkksdPage = lazy(() => import('../features/tkksd/TkksdPage').then((m) => ({ default: m.TkksdPage })));
const MeetingsPage = lazy(() => import('../features/meetings/MeetingsPage').then((m) => ({ default: m.MeetingsPage })));
const MeetingDetailPage = lazy(() => import('../features/meetings/MeetingDetailPage').then((m) => ({ default: m.MeetingDetailPage })));
const UpdatesQueuePage = lazy(() => import('../features/monev/UpdatesQueuePage').then((m) => ({ default: m.UpdatesQueuePage })));
const DashboardPage = lazy(() => import('../features/dashboards/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const RubricPage = lazy(() => import('../features/monev/RubricPage').then((m) => ({ default: m.RubricPage })));
const TemplatesPage = lazy(() => import('../features/cooperations/documents/TemplatesPage').then((m) => ({ default: m.TemplatesPage })));
const ReportsPage = lazy(() => import('../features/reports/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const MappingPage = lazy(() => import('../features/mapping/MappingPage').then((m) => ({ default: m.MappingPage })));
const MappingAnswerPage = lazy(() => import('../features/mapping/AnswerPage').then((m) => ({ default: m.AnswerPage })));
const PotentialsPage = lazy(() => import('../features/mapping/PotentialsPage').then((m) => ({ default: m.PotentialsPage })));
const MappingOverviewPage = lazy(() => import('../features/mapping/MappingOverviewPage').then((m) => ({ default: m.MappingOverviewPage })));
const QuestionnaireBuilderPage = lazy(() => import('../features/mapping/QuestionnaireBuilderPage').then((m) => ({ default: m.QuestionnaireBuilderPage })));
const ReportDetailPage = lazy(() => import('../features/reports/ReportDetailPage').then((m) => ({ default: m.ReportDetailPage })));
const NotificationsPage = lazy(() => import('../features/notifications/NotificationsPage').then((m) => ({ default: m.NotificationsPage })));
const NotFoundPage = lazy(() => import('../features/not-found/NotFoundPage').then((m) => ({ default: m.NotFoundPage })));

/** A page that needs a permission: without it the address behaves as if it did not exist. */
const Allowed = ({ permission, children }: { permission: string; children: ReactNode }) => {
  const can = useCan();

  return can(permission) ? children : <NotFoundPage />;
};

const guarded = (path: string, permission: string, page: ReactNode) => (
  <Route
    path={path}
    element={
      <Allowed permission={permission}>
        {page}
      </Allowed>
    }
  />
);

const Shell = () => (
  <RequireSession
    restricted={
      <AppShell withNavigation={false}>
        <TwoFactorEnrolmentPage forced />
      </AppShell>
    }
  >
    <AppShell />
  </RequireSession>
);

export const AppRoutes = () => (
  <Routes>
    <Route path={paths.signIn} element={<SignInPage />} />
    <Route path={paths.invitation} element={<InvitationPage />} />
    <Route
      path={paths.about}
      element={
        <Suspense fallback={<Loading />}>
          <AboutPage />
        </Suspense>
      }
    />
    <Route element={<Shell />}>
      <Route index element={<HomePage />} />
      <Route path={paths.account} element={<AccountPage />} />
      <Route path={paths.regions} element={<RegionsPage />} />
      <Route path={paths.urusan} element={<UrusanPage />} />
      {guarded(paths.organizations, 'org.read', <OrganizationsPage />)}
      {guarded(`${paths.organizations}/baru`, 'org.manage', <OrganizationFormPage />)}
      {guarded(`${paths.organizations}/:id`, 'org.read', <OrganizationDetailPage />)}
      {guarded(`${paths.organizations}/:id/ubah`, 'org.manage', <OrganizationFormPage />)}
      {guarded(paths.users, 'user.read', <UsersPage />)}
      {guarded(`${paths.users}/baru`, 'user.manage', <UserCreatePage />)}
      {guarded(`${paths.users}/:id`, 'user.read', <UserDetailPage />)}
      {guarded(paths.audit, 'audit.read', <AuditPage />)}
      {guarded(paths.outbox, 'outbox.read', <OutboxPage />)}
      {guarded(`${paths.outbox}/:id`, 'outbox.read', <OutboxMessagePage />)}
      {guarded(paths.strategicIssues, 'reference.manage', <StrategicIssuesPage />)}
      {guarded(paths.cooperations, 'cooperation.read', <RegisterPage />)}
      {guarded(paths.cooperationNew, 'cooperation.write', <CooperationFormPage />)}
      {guarded(paths.cooperationImport, 'cooperation.write', <CooperationImportPage />)}
      {guarded(`${paths.cooperations}/:id`, 'cooperation.read', <CooperationDetailPage />)}
      {guarded(`${paths.cooperations}/:id/ubah`, 'cooperation.write', <CooperationFormPage />)}
      {guarded(paths.rulePack, 'cooperation.read', <RulePackPage />)}
      {guarded(paths.monevRubric, 'cooperation.read', <RubricPage />)}
      {guarded(paths.progressUpdatesQueue, 'update.review', <UpdatesQueuePage />)}
      {guarded(paths.tkksd, 'user.read', <TkksdPage />)}
      {guarded(paths.dashboard, 'dashboard.read', <DashboardPage />)}
      {guarded(paths.meetings, 'cooperation.read', <MeetingsPage />)}
      {guarded(`${paths.meetings}/:id`, 'cooperation.read', <MeetingDetailPage />)}
      {guarded(paths.documentTemplates, 'files.read', <TemplatesPage />)}
      {guarded(paths.reports, 'cooperation.read', <ReportsPage />)}
      {guarded(`${paths.reports}/:id`, 'cooperation.read', <ReportDetailPage />)}
      {guarded(paths.mapping, 'mapping.read', <MappingPage />)}
      {guarded(`${paths.mapping}/:id`, 'mapping.read', <MappingPage />)}
      {guarded(`${paths.mapping}/:id/opd/:orgId`, 'mapping.read', <MappingAnswerPage />)}
      {guarded(`${paths.mapping}/kuesioner/:id`, 'mapping.read', <QuestionnaireBuilderPage />)}
      {guarded(paths.mappingRegister, 'mapping.read', <PotentialsPage />)}
      {guarded(paths.mappingOverview, 'dashboard.read', <MappingOverviewPage />)}
      <Route path={paths.notifications} element={<NotificationsPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Route>
  </Routes>
);
