import { lazy } from 'react';
import { createBrowserRouter, Navigate, RouterProvider, useLocation } from 'react-router';
import { type ReactNode } from 'react';
import { useSession } from './auth.js';
import { Layout } from './components/layout.js';
import { m } from './i18n/index.js';

// One chunk per area, loaded on first use: the first visit downloads only what it shows.
const account = () => import('./pages/account.js');
const participant = () => import('./pages/participant.js');
const organiser = () => import('./pages/organiser.js');
const agenda = () => import('./pages/agenda.js');

const SignInPage = lazy(() => account().then((mod) => ({ default: mod.SignInPage })));
const RegisterPage = lazy(() => account().then((mod) => ({ default: mod.RegisterPage })));
const EventsPage = lazy(() => participant().then((mod) => ({ default: mod.EventsPage })));
const EventHomePage = lazy(() => participant().then((mod) => ({ default: mod.EventHomePage })));
const MyEventsPage = lazy(() => participant().then((mod) => ({ default: mod.MyEventsPage })));
const AgendaPage = lazy(() => agenda().then((mod) => ({ default: mod.AgendaPage })));
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
      { path: '/events/:slug', element: <EventHomePage /> },
      { path: '/events/:slug/agenda', element: <AgendaPage /> },
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
