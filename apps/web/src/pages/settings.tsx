import { Anchor, Badge, Button, Card, Group, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { DELETED, useMe, useSession } from '../auth.js';
import { ErrorSummary, toErrors } from '../components/api-error.js';
import { PageLoader } from '../components/layout.js';
import { graphql } from '../gql/index.js';
import type { NotificationKind, ParticipationStatus } from '../gql/graphql.js';
import { fmt, locale, m } from '../i18n/index.js';
import { dateRangeLabel } from '../lib/time-display.js';
import { ChangePasswordCard } from './passwords.js';

const UnsubscribedQuery = graphql(`
  query MyUnsubscribedKinds { myUnsubscribedNotificationKinds }
`);
const SubscriptionMutation = graphql(`
  mutation SetNotificationSubscription($kind: NotificationKind!, $subscribed: Boolean!) { setNotificationSubscription(kind: $kind, subscribed: $subscribed) }
`);
const ExportQuery = graphql(`
  query ExportMyData { exportMyData }
`);
const ParticipationsQuery = graphql(`
  query MyParticipations {
    myParticipations { id role status createdAt event { id slug name startsOn endsOn timeZone } }
  }
`);
const RevokeAllMutation = graphql(`
  mutation RevokeAllMyTokens { revokeAllMyTokens }
`);
const DeleteMutation = graphql(`
  mutation DeleteMyAccount($confirmEmail: String!) { deleteMyAccount(confirmEmail: $confirmEmail) { cancelledMeetings } }
`);

/** The optional kinds (libs/notifications/notification-kind.ts); essential ones are always sent. */
const OPTIONAL: NotificationKind[] = ['DAILY_DIGEST', 'MEETING_REMINDER', 'SESSION_REMINDER', 'MATCHMAKING_REMINDER', 'MEETING_REQUEST_EXPIRED', 'FOLLOW_UP_REMINDER'];

export function SettingsPage() {
  const { me } = useMe();
  const [{ data, error }] = useQuery({ query: UnsubscribedQuery });
  const [subscription, setSubscription] = useMutation(SubscriptionMutation);
  // The switch moves at once; the API's answer (the kinds now off) then wins, or an error shows.
  const [wanted, setWanted] = useState<Record<string, boolean>>({});
  const server = new Set(subscription.data?.setNotificationSubscription ?? data?.myUnsubscribedNotificationKinds ?? []);
  const isOn = (kind: NotificationKind) => (subscription.fetching && kind in wanted ? wanted[kind] : !server.has(kind));
  return (
    <Stack>
      <Title order={1}>{m.settings.title}</Title>
      <Card withBorder component="section" aria-labelledby="prefs">
        <Stack gap="xs">
          <Title order={2} size="h4" id="prefs">{m.settings.notifications}</Title>
          <Text size="sm">{m.settings.notificationsIntro}</Text>
          {!data && !error && <PageLoader />}
          {data && OPTIONAL.map((kind) => (
            <Switch key={kind} label={m.settings.kinds[kind as keyof typeof m.settings.kinds]} checked={isOn(kind)}
              onChange={(e) => {
                const subscribed = e.currentTarget.checked;
                setWanted({ ...wanted, [kind]: subscribed });
                void setSubscription({ kind, subscribed });
              }} />
          ))}
          <ErrorSummary errors={[...toErrors(error).general, ...toErrors(subscription.error).general]} />
        </Stack>
      </Card>
      <RegistrationsCard />
      <ChangePasswordCard email={me?.email} />
      <SignOutEverywhereCard />
      <DataCard />
      {me && <DeleteCard email={me.email} />}
    </Stack>
  );
}

const STATUS_COLOUR: Record<ParticipationStatus, string> = { APPROVED: 'green', PENDING: 'yellow', DECLINED: 'red', CANCELLED: 'gray' };

/** Every event I registered for, whatever came of it, with my role and status. */
function RegistrationsCard() {
  const [{ data, error }] = useQuery({ query: ParticipationsQuery });
  return (
    <Card withBorder component="section" aria-labelledby="registrations">
      <Stack gap="xs">
        <Title order={2} size="h4" id="registrations">{m.myRegistrations.title}</Title>
        {!data && !error && <PageLoader />}
        <ErrorSummary errors={toErrors(error).general} />
        {data && !data.myParticipations.length && <Text size="sm">{m.myRegistrations.empty}</Text>}
        <Stack gap="sm" component="ul" className="plain-list">
          {data?.myParticipations.map((p) => (
            <li key={p.id}>
              <Stack gap={2}>
                <Anchor component={Link} to={`/events/${p.event.slug}`} fw={600}>{p.event.name}</Anchor>
                <Text size="sm">{dateRangeLabel(p.event.startsOn, p.event.endsOn, locale)}</Text>
                <Group gap={6}>
                  <Badge variant="light">{m.participation.role[p.role]}</Badge>
                  <Badge variant="light" color={STATUS_COLOUR[p.status]}>{m.participation.status[p.status]}</Badge>
                  <Text size="sm" c="dimmed">
                    {fmt(m.myRegistrations.registeredOn, {
                      date: new Intl.DateTimeFormat(locale, { timeZone: p.event.timeZone, day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(p.createdAt)),
                    })}
                  </Text>
                </Group>
              </Stack>
            </li>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}

/** Revokes every token of the account, this browser's too: afterwards it signs in again. */
function SignOutEverywhereCard() {
  const [confirming, setConfirming] = useState(false);
  const [result, revoke] = useMutation(RevokeAllMutation);
  const navigate = useNavigate();
  // This browser signs out once the sign-in page has replaced this one: signing out while this
  // page is still shown would redirect to sign in without the "signed out" note.
  const { signOut } = useSession();
  const signOutNow = useRef(signOut);
  signOutNow.current = signOut;
  const leaving = useRef(false);
  useEffect(() => () => {
    if (leaving.current) signOutNow.current();
  }, []);
  const confirm = () => void revoke({}).then((r) => {
    if (r.error) return;
    leaving.current = true;
    void navigate('/sign-in', { replace: true, state: { signedOut: true } });
  });
  return (
    <Card withBorder component="section" aria-labelledby="sessions">
      <Stack gap="xs" align="flex-start">
        <Title order={2} size="h4" id="sessions">{m.accountSessions.title}</Title>
        <Text size="sm">{m.accountSessions.intro}</Text>
        {confirming ? (
          <>
            <Text size="sm" fw={600}>{m.accountSessions.confirm}</Text>
            <Group gap="xs">
              <Button color="red" loading={result.fetching} onClick={confirm}>{m.accountSessions.yes}</Button>
              <Button variant="default" autoFocus onClick={() => setConfirming(false)}>{m.accountSessions.keep}</Button>
            </Group>
          </>
        ) : (
          <Button variant="light" color="red" onClick={() => setConfirming(true)}>{m.accountSessions.signOutEverywhere}</Button>
        )}
        <ErrorSummary errors={toErrors(result.error).general} />
      </Stack>
    </Card>
  );
}

function DataCard() {
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const download = async () => {
    setBusy(true);
    const result = await client.query(ExportQuery, {}, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    setErrors(toErrors(result.error).general);
    if (!result.data) return;
    const href = URL.createObjectURL(new Blob([result.data.exportMyData], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = href;
    a.download = 'clustermeet-my-data.json';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  };
  return (
    <Card withBorder component="section" aria-labelledby="data">
      <Stack gap="xs" align="flex-start">
        <Title order={2} size="h4" id="data">{m.settings.data}</Title>
        <Text size="sm">{m.settings.dataIntro}</Text>
        <Button variant="light" loading={busy} onClick={() => void download()}>{m.settings.download}</Button>
        <ErrorSummary errors={errors} />
      </Stack>
    </Card>
  );
}

function DeleteCard({ email }: { email: string }) {
  const [confirm, setConfirm] = useState('');
  const [result, remove] = useMutation(DeleteMutation);
  const { signOut } = useSession();
  const errors = toErrors(result.error, ['confirmEmail']);
  return (
    <Card withBorder component="form" aria-labelledby="delete" onSubmit={(e) => {
      e.preventDefault();
      void remove({ confirmEmail: confirm.trim() }).then((r) => {
        if (r.error) return;
        // The sign-in page says why. (The page may already be gone: the API refuses the deleted
        // account's token, and useMe signs out on its own; this then only sets the reason.)
        signOut(DELETED);
      });
    }}>
      <Stack gap="xs" align="flex-start">
        <Title order={2} size="h4" id="delete">{m.settings.delete}</Title>
        <Text size="sm">{m.settings.deleteIntro}</Text>
        <TextInput label={m.settings.confirmEmail} placeholder={email} value={confirm} onChange={(e) => setConfirm(e.currentTarget.value)} error={errors.fields.confirmEmail} w="100%" maw={360} />
        <ErrorSummary errors={errors.general} />
        <Button type="submit" color="red" disabled={!confirm.trim()} loading={result.fetching}>{m.settings.deleteNow}</Button>
      </Stack>
    </Card>
  );
}
