import { Alert, Anchor, Burger, Button, Container, Group, Loader, NavLink, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect, useState } from 'react';
import { onConnectivityChange } from '../offline.js';
import { Link, NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useMe, useSession } from '../auth.js';
import { fmt, language, type Language, m } from '../i18n/index.js';
import { switchLanguage } from '../i18n/language.js';

export function PageLoader() {
  return (
    <Group justify="center" p="xl" role="status">
      <Loader size="sm" />
      <VisuallyHidden>{m.app.loading}</VisuallyHidden>
    </Group>
  );
}

/** English / Suomi, each named in its own language; choosing one stores it and reloads the page in it. */
function LanguageSwitch() {
  const choices: { value: Language; name: string }[] = [
    { value: 'en', name: m.language.english },
    { value: 'fi', name: m.language.finnish },
  ];
  return (
    <Group gap={4} wrap="nowrap" role="group" aria-label={m.language.label}>
      {choices.map((choice) => (
        <Button
          key={choice.value}
          lang={choice.value}
          size="compact-sm"
          variant={choice.value === language ? 'light' : 'subtle'}
          aria-pressed={choice.value === language}
          onClick={() => {
            if (choice.value !== language) switchLanguage(choice.value);
          }}
        >
          {choice.name}
        </Button>
      ))}
    </Group>
  );
}

export function Layout() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const { me } = useMe();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(close, [location.pathname, close]);
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => onConnectivityChange(setOnline), []);

  const links = [
    { to: '/', label: m.nav.events, end: true },
    ...(me
      ? [
          { to: '/my/events', label: m.nav.myEvents, end: false },
          { to: '/organise/new', label: m.nav.newEvent, end: false },
          { to: '/account', label: m.settings.nav, end: false },
          ...(me.isPlatformAdmin ? [{ to: '/admin', label: m.admin.nav, end: false }] : []),
        ]
      : []),
  ];

  const nav = (
    <>
      {links.map((link) => (
        <NavLink key={link.to} component={RouterNavLink} to={link.to} end={link.end} label={link.label} className="nav-link" />
      ))}
      {!me && <NavLink component={RouterNavLink} to="/register" label={m.nav.register} className="nav-link" />}
    </>
  );

  // A plain header + collapsible menu rather than AppShell: AppShell injects <style> elements,
  // which the API's Content-Security-Policy refuses.
  return (
    <>
      <a href="#main" className="skip-link">
        {m.app.skipToContent}
      </a>
      <header className="app-header">
        <Group h={56} px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              className="mobile-only"
              size="sm"
              aria-label={m.nav.menu}
              aria-expanded={opened}
              aria-controls="main-nav"
            />
            <Anchor component={Link} to="/" fw={700} size="lg" underline="never" c="dark">
              {m.app.name}
            </Anchor>
            <nav aria-label={m.app.mainNav} className="desktop-only">
              <Group gap={4} wrap="nowrap">
                {nav}
              </Group>
            </nav>
          </Group>
          <Group gap="xs" wrap="nowrap" miw={0}>
            <div className="desktop-only">
              <LanguageSwitch />
            </div>
            {me && (
              <Text size="sm" c="dimmed" className="desktop-only" miw={0} truncate>
                {fmt(m.nav.signedInAs, { name: me.name })}
              </Text>
            )}
            {me ? (
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => {
                  signOut();
                  navigate('/sign-in', { state: { signedOut: true } });
                }}
              >
                {m.nav.signOut}
              </Button>
            ) : (
              <Button component={Link} to="/sign-in" size="compact-sm" variant="light">
                {m.nav.signIn}
              </Button>
            )}
          </Group>
        </Group>
        {opened && (
          <nav id="main-nav" aria-label={m.app.mainNav} className="mobile-only">
            <Stack gap={0} px="sm" pb="sm">
              {me && (
                <Text size="sm" c="dimmed" px="sm" pb="xs">
                  {fmt(m.nav.signedInAs, { name: me.name })}
                </Text>
              )}
              {nav}
              <Group px="sm" pt="xs">
                <LanguageSwitch />
              </Group>
            </Stack>
          </nav>
        )}
      </header>
      <Container component="main" id="main" tabIndex={-1} size="lg" px="md" py="md">
        {!online && (
          <Alert color="yellow" variant="light" mb="sm" role="status">
            {m.app.offline}
          </Alert>
        )}
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </Container>
    </>
  );
}
