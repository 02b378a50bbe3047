import { Button, Group, Stack, Title } from '@mantine/core';
import { type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql/index.js';
import type { EventBasicsQuery } from '../gql/graphql.js';
import { ErrorSummary, toErrors, useEventZoneInErrors } from './api-error.js';
import { ZoneNote } from './event-zone.js';
import { PageLoader } from './layout.js';

const EventBasics = graphql(`
  query EventBasics($slug: String!) {
    event(slug: $slug) { id slug name timeZone startsOn endsOn status myParticipation { id role status } }
  }
`);

export type EventBasics = EventBasicsQuery['event'];

/**
 * The frame of every page inside one event: back link, heading, zone note; renders its children
 * with the event once loaded (or the loader / the error instead).
 */
export function EventPage({ title, children, back }: { title: string; back?: { to: string; label: string }; children: (event: EventBasics) => ReactNode }) {
  const { slug = '' } = useParams();
  const [{ data, error }] = useQuery({ query: EventBasics, variables: { slug } });
  const event = data?.event;
  useEventZoneInErrors(event?.timeZone);
  if (!event) return error ? <ErrorSummary errors={toErrors(error).general} /> : <PageLoader />;
  return (
    <Stack>
      <Group gap="xs">
        <Button component={Link} to={back?.to ?? `/events/${event.slug}`} variant="subtle" size="compact-sm">
          ← {back?.label ?? event.name}
        </Button>
      </Group>
      <Title order={1}>{title}</Title>
      <ZoneNote zone={event.timeZone} day={event.startsOn} />
      {children(event)}
    </Stack>
  );
}

/** Sub-navigation between the pages of one area (links, so each page has its own address). */
export function AreaNav({ label, links }: { label: string; links: { to: string; label: string }[] }) {
  const location = useLocation();
  return (
    <nav aria-label={label}>
      <Group gap={6}>
        {links.map((link) => (
          <Button key={link.to} component={Link} to={link.to} variant={location.pathname === link.to ? 'filled' : 'light'} size="compact-sm"
            aria-current={location.pathname === link.to ? 'page' : undefined}>
            {link.label}
          </Button>
        ))}
      </Group>
    </nav>
  );
}
