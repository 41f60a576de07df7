import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter } from 'react-router';
import { RequirePermission } from '../shared/session/RequirePermission';
import { TWO_FACTOR_PAGE } from './account-paths';
import type { Permission } from '@/modules/accounts/contract';

/**
 * A part that needs every translation: the sign-in page comes with its own strings only
 * (i18n/index.ts), so the signed-in frame and every other page outside it load the rest first.
 */
function withAllStrings<T>(load: () => Promise<T>): () => Promise<T> {
  return () => import('../i18n/all').then(load);
}

// Each section is its own chunk, loaded the first time it is visited; the frame of signed-in pages
// and the home page too, so that the sign-in page downloads only what it shows (issue 18).
const AppLayout = lazy(withAllStrings(() => import('./AppLayout').then((m) => ({ default: m.AppLayout }))));
const HomePage = lazy(() => import('./HomePage').then((m) => ({ default: m.HomePage })));
const NotFoundPage = lazy(() => import('./NotFoundPage').then((m) => ({ default: m.NotFoundPage })));
const SignInPage = lazy(() => import('@/modules/accounts/ui/SignInPage'));
const ChangePasswordPage = lazy(() => import('@/modules/accounts/ui/ChangePasswordPage'));
const TwoFactorPage = lazy(() => import('@/modules/accounts/ui/TwoFactorPage'));
const UsersPage = lazy(() => import('@/modules/accounts/ui/UsersPage'));
const LetterheadPage = lazy(() => import('@/modules/accounts/ui/LetterheadPage'));
const DelegationsPage = lazy(() => import('@/modules/accounts/ui/DelegationsPage'));
const SetupPage = lazy(withAllStrings(() => import('@/modules/accounts/ui/SetupPage')));
const InvitationPage = lazy(withAllStrings(() => import('@/modules/accounts/ui/InvitationPage')));
const ForgotPasswordPage = lazy(withAllStrings(() => import('@/modules/accounts/ui/ForgotPasswordPage')));
const ResetPasswordPage = lazy(withAllStrings(() => import('@/modules/accounts/ui/ResetPasswordPage')));
const OrganizationsPage = lazy(() => import('@/modules/accounts/ui/OrganizationsPage'));
const InstitutionsPage = lazy(() => import('@/modules/directory/ui/InstitutionsPage'));
const AreasPage = lazy(() => import('@/modules/directory/ui/AreasPage'));
const AreaDetailPage = lazy(() => import('@/modules/directory/ui/AreaDetailPage'));
const PeoplePage = lazy(() => import('@/modules/directory/ui/PeoplePage'));
const PersonDetailPage = lazy(() => import('@/modules/directory/ui/PersonDetailPage'));
const AuditPage = lazy(() => import('@/modules/audit/ui/AuditPage'));
const BodiesPage = lazy(() => import('@/modules/governance/ui/BodiesPage'));
const BodyPage = lazy(() => import('@/modules/governance/ui/BodyPage'));
const GovernanceSessionPage = lazy(() => import('@/modules/governance/ui/SessionPage'));
const MandatesPage = lazy(() => import('@/modules/governance/ui/MandatesPage'));
const InstrumentsPage = lazy(() => import('@/modules/agreements/ui/InstrumentsPage'));
const InstrumentDetailPage = lazy(() => import('@/modules/agreements/ui/InstrumentDetailPage'));
const ReviewsPage = lazy(() => import('@/modules/agreements/ui/ReviewsPage'));
const OpinionsPage = lazy(() => import('@/modules/agreements/ui/OpinionsPage'));
const AlertsPage = lazy(() => import('@/modules/agreements/ui/AlertsPage'));
const AccompanimentPage = lazy(() => import('@/modules/agreements/ui/AccompanimentPage'));
const FoliosPage = lazy(() => import('@/modules/channel/ui/FoliosPage'));
const FolioDetailPage = lazy(() => import('@/modules/channel/ui/FolioDetailPage'));
const ChannelStatisticsPage = lazy(() => import('@/modules/channel/ui/StatisticsPage'));
const MyRoutingsPage = lazy(() => import('@/modules/channel/ui/MyRoutingsPage'));
const RoutingPage = lazy(() => import('@/modules/channel/ui/RoutingPage'));
const ProgramPage = lazy(() => import('@/modules/program/ui/ProgramPage'));
const ActivitiesPage = lazy(() => import('@/modules/program/ui/ActivitiesPage'));
const PublicationsPage = lazy(() => import('@/modules/program/ui/PublicationsPage'));
const PlanReviewsPage = lazy(() => import('@/modules/program/ui/PlanReviewsPage'));
const ChannelReportsPage = lazy(() => import('@/modules/channel/ui/ReportsPage'));
const ChannelCalendarPage = lazy(() => import('@/modules/channel/ui/CalendarPage'));
const ReportsPage = lazy(() => import('@/modules/reports/ui/ReportsPage'));
const OutreachContactsPage = lazy(() => import('@/modules/outreach/ui/ContactsPage'));
const OutreachContactPage = lazy(() => import('@/modules/outreach/ui/ContactPage'));
const ArcoPage = lazy(() => import('@/modules/outreach/ui/ArcoPage'));
const CampaignsPage = lazy(() => import('@/modules/outreach/ui/CampaignsPage'));
const CampaignPage = lazy(() => import('@/modules/outreach/ui/CampaignPage'));
const UnsubscribePage = lazy(withAllStrings(() => import('@/modules/outreach/ui/UnsubscribePage')));
const ConvocationLinkPage = lazy(withAllStrings(() => import('@/modules/governance/ui/ConvocationLinkPage')));
const MissionsPage = lazy(() => import('@/modules/outreach/observers/ui/MissionsPage'));
const MissionPage = lazy(() => import('@/modules/outreach/observers/ui/MissionPage'));
const RegistrantPage = lazy(() => import('@/modules/outreach/observers/ui/RegistrantPage'));

function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

function page(Page: ComponentType, permission?: Permission): ReactNode {
  const content = (
    <Suspense fallback={<PageLoader />}>
      <Page />
    </Suspense>
  );
  return permission ? <RequirePermission permission={permission}>{content}</RequirePermission> : content;
}

export const router = createBrowserRouter([
  { path: '/iniciar-sesion', element: page(SignInPage) },
  // Public: the unsubscribe link of campaign e-mails (no sign-in).
  { path: '/baja/:token', element: page(UnsubscribePage) },
  // Public: the link of a convocatoria's e-mail (receipt, confirmation, documents; no sign-in).
  { path: '/convocatoria/:token', element: page(ConvocationLinkPage) },
  // Public: the one-time setup link of a new installation and the invitations (ADR 0023).
  { path: '/instalacion/:token', element: page(SetupPage) },
  { path: '/invitacion/:token', element: page(InvitationPage) },
  // Public: password reset by e-mail (ADR 0027).
  { path: '/recuperar-contrasena', element: page(ForgotPasswordPage) },
  { path: '/restablecer-contrasena/:token', element: page(ResetPasswordPage) },
  {
    element: (
      <Suspense fallback={<PageLoader />}>
        <AppLayout />
      </Suspense>
    ),
    children: [
      { index: true, element: page(HomePage) },
      { path: 'directorio/instituciones', element: page(InstitutionsPage, 'directory.read') },
      { path: 'directorio/areas', element: page(AreasPage, 'directory.read') },
      { path: 'directorio/areas/:id', element: page(AreaDetailPage, 'directory.read') },
      { path: 'directorio/personas', element: page(PeoplePage, 'directory.read') },
      { path: 'directorio/personas/:id', element: page(PersonDetailPage, 'directory.read') },
      { path: 'administracion/usuarios', element: page(UsersPage, 'users.read') },
      { path: 'administracion/membrete', element: page(LetterheadPage, 'letterhead.manage') },
      { path: 'administracion/suplencias', element: page(DelegationsPage, 'delegations.manage') },
      { path: 'organizaciones', element: page(OrganizationsPage, 'organizations.manage') },
      { path: 'bitacora', element: page(AuditPage, 'audit.read') },
      { path: 'convenios/instrumentos', element: page(InstrumentsPage, 'agreements.read') },
      { path: 'convenios/instrumentos/:id', element: page(InstrumentDetailPage, 'agreements.read') },
      { path: 'convenios/revisiones', element: page(ReviewsPage, 'agreements.read') },
      { path: 'convenios/opiniones', element: page(OpinionsPage, 'agreements.read') },
      { path: 'convenios/alertas', element: page(AlertsPage, 'agreements.read') },
      { path: 'convenios/acompanamiento', element: page(AccompanimentPage, 'agreements.read') },
      { path: 'programa', element: page(ProgramPage, 'program.read') },
      { path: 'programa/actividades', element: page(ActivitiesPage, 'program.read') },
      { path: 'programa/publicaciones', element: page(PublicationsPage, 'program.read') },
      { path: 'programa/seguimiento-ine', element: page(PlanReviewsPage, 'program.read') },
      { path: 'canal/folios', element: page(FoliosPage, 'channel.read') },
      { path: 'canal/folios/:id', element: page(FolioDetailPage, 'channel.read') },
      { path: 'canal/estadisticas', element: page(ChannelStatisticsPage, 'channel.read') },
      { path: 'canal/turnos', element: page(MyRoutingsPage, 'channel.answer') },
      { path: 'canal/turnos/:id', element: page(RoutingPage, 'channel.answer') },
      { path: 'canal/informes', element: page(ChannelReportsPage, 'channel.read') },
      { path: 'canal/calendario', element: page(ChannelCalendarPage, 'channel.read') },
      { path: 'gobierno', element: page(BodiesPage, 'governance.read') },
      { path: 'gobierno/organos/:id', element: page(BodyPage, 'governance.read') },
      { path: 'gobierno/sesiones/:id', element: page(GovernanceSessionPage, 'governance.read') },
      { path: 'gobierno/seguimiento', element: page(MandatesPage, 'governance.read') },
      { path: 'informes', element: page(ReportsPage, 'reports.read') },
      { path: 'difusion/contactos', element: page(OutreachContactsPage, 'outreach.read') },
      { path: 'difusion/contactos/:id', element: page(OutreachContactPage, 'outreach.read') },
      { path: 'difusion/arco', element: page(ArcoPage, 'outreach.privacy') },
      { path: 'difusion/campanas', element: page(CampaignsPage, 'outreach.read') },
      { path: 'difusion/campanas/:id', element: page(CampaignPage, 'outreach.read') },
      { path: 'acompanamiento', element: page(MissionsPage, 'observers.read') },
      { path: 'acompanamiento/:id', element: page(MissionPage, 'observers.read') },
      { path: 'acompanamiento/:id/:tab', element: page(MissionPage, 'observers.read') },
      {
        path: 'acompanamiento/:missionId/registro/:registrantId',
        element: page(RegistrantPage, 'observers.read'),
      },
      { path: 'cuenta/contrasena', element: page(ChangePasswordPage) },
      { path: TWO_FACTOR_PAGE.slice(1), element: page(TwoFactorPage) },
      { path: '*', element: page(NotFoundPage) },
    ],
  },
]);
