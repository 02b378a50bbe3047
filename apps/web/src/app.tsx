import { lazy } from 'react';
import { createBrowserRouter, Navigate, RouterProvider, useLocation } from 'react-router';
import { type ReactNode } from 'react';
import { useSession } from './auth.js';
import { Layout } from './components/layout.js';
import { m } from './i18n/index.js';

// One chunk per area, loaded on first use: the first visit downloads only what it shows.
const account = () => import('./pages/account.js');
const passwords = () => import('./pages/passwords.js');
const participant = () => import('./pages/participant.js');
const organiser = () => import('./pages/organiser.js');
const agenda = () => import('./pages/agenda.js');
const myAgenda = () => import('./pages/my-agenda.js');
const matchmaking = () => import('./pages/matchmaking.js');
const speaker = () => import('./pages/speaker.js');
const organiserAgenda = () => import('./pages/organiser-agenda.js');
const organiserMore = () => import('./pages/organiser-more.js');
const scheduler = () => import('./pages/scheduler.js');
const settings = () => import('./pages/settings.js');
const reports = () => import('./pages/reports.js');
const organiserNotifications = () => import('./pages/organiser-notifications.js');
const organiserMaterials = () => import('./pages/organiser-materials.js');
const organiserMeetings = () => import('./pages/organiser-meetings.js');
const admin = () => import('./pages/admin.js');
const availability = () => import('./pages/availability.js');

const SignInPage = lazy(() => account().then((mod) => ({ default: mod.SignInPage })));
const RegisterPage = lazy(() => account().then((mod) => ({ default: mod.RegisterPage })));
const ForgotPasswordPage = lazy(() => passwords().then((mod) => ({ default: mod.ForgotPasswordPage })));
const ResetPasswordPage = lazy(() => passwords().then((mod) => ({ default: mod.ResetPasswordPage })));
const EventsPage = lazy(() => participant().then((mod) => ({ default: mod.EventsPage })));
const EventHomePage = lazy(() => participant().then((mod) => ({ default: mod.EventHomePage })));
const MyEventsPage = lazy(() => participant().then((mod) => ({ default: mod.MyEventsPage })));
const AgendaPage = lazy(() => agenda().then((mod) => ({ default: mod.AgendaPage })));
const MyAgendaPage = lazy(() => myAgenda().then((mod) => ({ default: mod.MyAgendaPage })));
const PeoplePage = lazy(() => matchmaking().then((mod) => ({ default: mod.PeoplePage })));
const ProfilePage = lazy(() => matchmaking().then((mod) => ({ default: mod.ProfilePage })));
const RequestsPage = lazy(() => matchmaking().then((mod) => ({ default: mod.RequestsPage })));
const MeetingsPage = lazy(() => matchmaking().then((mod) => ({ default: mod.MeetingsPage })));
const AvailabilityPage = lazy(() => availability().then((mod) => ({ default: mod.AvailabilityPage })));
const SpeakerPage = lazy(() => speaker().then((mod) => ({ default: mod.SpeakerPage })));
const AgendaBuilderPage = lazy(() => organiserAgenda().then((mod) => ({ default: mod.AgendaBuilderPage })));
const MatchmakingSettingsPage = lazy(() => organiserMore().then((mod) => ({ default: mod.MatchmakingSettingsPage })));
const MessagesPage = lazy(() => organiserMore().then((mod) => ({ default: mod.MessagesPage })));
const SchedulerPage = lazy(() => scheduler().then((mod) => ({ default: mod.SchedulerPage })));
const SettingsPage = lazy(() => settings().then((mod) => ({ default: mod.SettingsPage })));
const ReportsPage = lazy(() => reports().then((mod) => ({ default: mod.ReportsPage })));
const NotificationSettingsPage = lazy(() => organiserNotifications().then((mod) => ({ default: mod.NotificationSettingsPage })));
const MaterialsSettingsPage = lazy(() => organiserMaterials().then((mod) => ({ default: mod.MaterialsSettingsPage })));
const MeetingsOverviewPage = lazy(() => organiserMeetings().then((mod) => ({ default: mod.MeetingsOverviewPage })));
const CheckInDeskPage = lazy(() => organiserMeetings().then((mod) => ({ default: mod.CheckInDeskPage })));
const AuditLogPage = lazy(() => organiserMeetings().then((mod) => ({ default: mod.AuditLogPage })));
const PlatformAdminPage = lazy(() => admin().then((mod) => ({ default: mod.PlatformAdminPage })));
const CreateEventPage = lazy(() => organiser().then((mod) => ({ default: mod.CreateEventPage })));
const EventSettingsPage = lazy(() => organiser().then((mod) => ({ default: mod.EventSettingsPage })));
const ParticipantsPage = lazy(() => organiser().then((mod) => ({ default: mod.ParticipantsPage })));
const ImportPage = lazy(() => organiser().then((mod) => ({ default: mod.ImportPage })));

/** Pages that need an account send visitors to sign in, then back. */
function SignedIn({ children }: { children: ReactNode }) {
  const { token } = useSession();
  const location = useLocation();
  if (!token) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  return <>{children}</>;
}

function NotFound() {
  return <p>{m.app.notFound}</p>;
}

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <EventsPage /> },
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/register', element: <RegisterPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/reset-password', element: <ResetPasswordPage /> },
      { path: '/events/:slug', element: <EventHomePage /> },
      { path: '/events/:slug/agenda', element: <AgendaPage /> },
      { path: '/events/:slug/me', element: <SignedIn><MyAgendaPage /></SignedIn> },
      { path: '/events/:slug/matchmaking', element: <SignedIn><PeoplePage /></SignedIn> },
      { path: '/events/:slug/matchmaking/profile', element: <SignedIn><ProfilePage /></SignedIn> },
      { path: '/events/:slug/matchmaking/requests', element: <SignedIn><RequestsPage /></SignedIn> },
      { path: '/events/:slug/meetings', element: <SignedIn><MeetingsPage /></SignedIn> },
      { path: '/events/:slug/availability', element: <SignedIn><AvailabilityPage /></SignedIn> },
      { path: '/events/:slug/speaker', element: <SignedIn><SpeakerPage /></SignedIn> },
      { path: '/organise/:slug/agenda', element: <SignedIn><AgendaBuilderPage /></SignedIn> },
      { path: '/organise/:slug/matchmaking', element: <SignedIn><MatchmakingSettingsPage /></SignedIn> },
      { path: '/organise/:slug/scheduler', element: <SignedIn><SchedulerPage /></SignedIn> },
      { path: '/organise/:slug/reports', element: <SignedIn><ReportsPage /></SignedIn> },
      { path: '/organise/:slug/meetings', element: <SignedIn><MeetingsOverviewPage /></SignedIn> },
      { path: '/organise/:slug/check-in', element: <SignedIn><CheckInDeskPage /></SignedIn> },
      { path: '/organise/:slug/audit', element: <SignedIn><AuditLogPage /></SignedIn> },
      { path: '/admin', element: <SignedIn><PlatformAdminPage /></SignedIn> },
      { path: '/organise/:slug/messages', element: <SignedIn><MessagesPage /></SignedIn> },
      { path: '/organise/:slug/notifications', element: <SignedIn><NotificationSettingsPage /></SignedIn> },
      { path: '/organise/:slug/materials', element: <SignedIn><MaterialsSettingsPage /></SignedIn> },
      { path: '/account', element: <SignedIn><SettingsPage /></SignedIn> },
      { path: '/my/events', element: <SignedIn><MyEventsPage /></SignedIn> },
      { path: '/organise/new', element: <SignedIn><CreateEventPage /></SignedIn> },
      { path: '/organise/:slug/settings', element: <SignedIn><EventSettingsPage /></SignedIn> },
      { path: '/organise/:slug/participants', element: <SignedIn><ParticipantsPage /></SignedIn> },
      { path: '/organise/:slug/import', element: <SignedIn><ImportPage /></SignedIn> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
