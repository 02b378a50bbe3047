import { Button, Card, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { useMe, useSession } from '../auth.js';
import { ErrorSummary, toErrors } from '../components/api-error.js';
import { PageLoader } from '../components/layout.js';
import { graphql } from '../gql/index.js';
import type { NotificationKind } from '../gql/graphql.js';
import { m } from '../i18n/index.js';

const UnsubscribedQuery = graphql(`
  query MyUnsubscribedKinds { myUnsubscribedNotificationKinds }
`);
const SubscriptionMutation = graphql(`
  mutation SetNotificationSubscription($kind: NotificationKind!, $subscribed: Boolean!) { setNotificationSubscription(kind: $kind, subscribed: $subscribed) }
`);
const ExportQuery = graphql(`
  query ExportMyData { exportMyData }
`);
const DeleteMutation = graphql(`
  mutation DeleteMyAccount($confirmEmail: String!) { deleteMyAccount(confirmEmail: $confirmEmail) { cancelledMeetings } }
`);

/** The optional kinds (libs/notifications/notification-kind.ts); essential ones are always sent. */
const OPTIONAL: NotificationKind[] = ['DAILY_DIGEST', 'MEETING_REMINDER', 'SESSION_REMINDER', 'MATCHMAKING_REMINDER', 'MEETING_REQUEST_EXPIRED'];

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
      <DataCard />
      {me && <DeleteCard email={me.email} />}
    </Stack>
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
  const navigate = useNavigate();
  const errors = toErrors(result.error, ['confirmEmail']);
  return (
    <Card withBorder component="form" aria-labelledby="delete" onSubmit={(e) => {
      e.preventDefault();
      void remove({ confirmEmail: confirm.trim() }).then((r) => {
        if (r.error) return;
        signOut();
        navigate('/sign-in', { state: { deleted: true } });
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
