import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { type CombinedError, useMutation, useQuery } from 'urql';
import { useMe } from '../auth.js';
import { ErrorSummary, toErrors } from '../components/api-error.js';
import { PageLoader } from '../components/layout.js';
import { graphql } from '../gql/index.js';
import { fmt, locale, m } from '../i18n/index.js';

const PlatformAccountQuery = graphql(`
  query AdminPlatformAccount($email: String!) {
    platformAccount(email: $email) { id email name createdAt suspendedAt suspendedReason }
  }
`);
const SuspendMutation = graphql(`
  mutation AdminSuspendAccount($accountId: ID!, $reason: String!) { suspendAccount(accountId: $accountId, reason: $reason) }
`);
const ReinstateMutation = graphql(`
  mutation AdminReinstateAccount($accountId: ID!) { reinstateAccount(accountId: $accountId) }
`);

/** Not tied to an event: the viewer's own clock, with its zone named. */
function when(at: string): string {
  return new Date(at).toLocaleString(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
}

/** Platform administrators find an account by e-mail and suspend or reinstate it. */
export function PlatformAdminPage() {
  const { me, fetching } = useMe();
  if (!me) return fetching ? <PageLoader /> : null;
  if (!me.isPlatformAdmin) {
    return (
      <Stack maw={640}>
        <Title order={1}>{m.admin.title}</Title>
        <Alert color="red" variant="light" role="alert" title={m.admin.refused}>
          {fmt(m.admin.refusedDetail, { email: me.email })}
        </Alert>
      </Stack>
    );
  }
  return <Administration />;
}

function Administration() {
  const [typed, setTyped] = useState('');
  const [email, setEmail] = useState('');
  const [{ data, error, fetching }, refresh] = useQuery({ query: PlatformAccountQuery, variables: { email }, pause: !email, requestPolicy: 'network-only' });
  const notFound = lookupNotFound(error);
  const errors = toErrors(notFound ? undefined : error, ['email']);
  const account = email && data?.platformAccount.email.toLowerCase() === email.trim().toLowerCase() ? data.platformAccount : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (typed.trim() === email) refresh({ requestPolicy: 'network-only' });
    else setEmail(typed.trim());
  };
  return (
    <Stack maw={720}>
      <Title order={1}>{m.admin.title}</Title>
      <Card withBorder component="form" onSubmit={submit} noValidate aria-labelledby="find">
        <Stack gap="xs">
          <Title order={2} size="h4" id="find">{m.admin.find}</Title>
          <TextInput label={m.admin.email} type="email" autoComplete="off" w={360} maw="100%" value={typed} onChange={(e) => setTyped(e.currentTarget.value)}
            error={notFound ? m.admin.notFound : errors.fields.email} />
          <Group><Button type="submit" loading={fetching} disabled={!typed.trim()}>{m.admin.search}</Button></Group>
          <ErrorSummary errors={errors.general} />
        </Stack>
      </Card>
      {account && <AccountCard key={account.id} account={account} onChanged={() => refresh({ requestPolicy: 'network-only' })} />}
    </Stack>
  );
}

function lookupNotFound(error: CombinedError | undefined): boolean {
  return !!error?.graphQLErrors.some((e) => e.extensions?.code === 'NOT_FOUND');
}

function AccountCard({ account, onChanged }: {
  account: { id: string; email: string; name: string; createdAt: string; suspendedAt?: string | null; suspendedReason?: string | null };
  onChanged: () => void;
}) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [suspended, suspend] = useMutation(SuspendMutation);
  const [reinstated, reinstate] = useMutation(ReinstateMutation);
  const errors = toErrors(suspended.error ?? reinstated.error, ['reason']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setMissing(true);
    setMissing(false);
    setConfirming(true);
  };
  const confirmSuspend = async () => {
    const res = await suspend({ accountId: account.id, reason });
    setConfirming(false);
    if (!res.error) {
      setReason('');
      setDone(fmt(m.admin.suspendedDone, { name: account.name }));
      onChanged();
    }
  };
  return (
    <Card withBorder component="section" aria-labelledby="account">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={0}>
            <Title order={2} size="h4" id="account">{account.name}</Title>
            <Text size="sm">{account.email}</Text>
            <Text size="sm" c="dimmed">{m.admin.created}: {when(account.createdAt)}</Text>
          </Stack>
          <Badge color={account.suspendedAt ? 'red' : 'green'} variant="light" size="lg">{account.suspendedAt ? m.admin.suspended : m.admin.active}</Badge>
        </Group>
        {done && <Text role="status" c="green">{done}</Text>}
        <ErrorSummary errors={errors.general} />
        {account.suspendedAt ? (
          <Stack gap="xs">
            <Text size="sm">{m.admin.suspendedSince}: {when(account.suspendedAt)}</Text>
            {account.suspendedReason && <Text size="sm">{m.admin.reason}: {account.suspendedReason}</Text>}
            <Text size="sm">{m.admin.reinstateIntro}</Text>
            <Group>
              <Button loading={reinstated.fetching} onClick={() => void reinstate({ accountId: account.id }).then((r) => {
                if (!r.error) { setDone(fmt(m.admin.reinstatedDone, { name: account.name })); onChanged(); }
              })}>
                {m.admin.reinstate}
              </Button>
            </Group>
          </Stack>
        ) : (
          <form onSubmit={submit} noValidate aria-labelledby="suspend">
            <Stack gap="xs">
              <Title order={3} size="h5" id="suspend">{m.admin.suspendTitle}</Title>
              <Text size="sm">{m.admin.suspendIntro}</Text>
              <Textarea label={m.admin.reasonLabel} autosize minRows={2} maxLength={500} value={reason}
                onChange={(e) => { setReason(e.currentTarget.value); setConfirming(false); }}
                error={errors.fields.reason ?? (missing ? m.admin.reasonRequired : undefined)} />
              {confirming ? (
                <Alert color="red" variant="light">
                  <Stack gap="xs">
                    <Text size="sm">{fmt(m.admin.suspendConfirm, { name: account.name, email: account.email })}</Text>
                    <Group gap="xs">
                      <Button color="red" loading={suspended.fetching} onClick={() => void confirmSuspend()}>{m.admin.suspendYes}</Button>
                      <Button variant="default" onClick={() => setConfirming(false)}>{m.common.cancel}</Button>
                    </Group>
                  </Stack>
                </Alert>
              ) : (
                <Group><Button type="submit" color="red" variant="light">{m.admin.suspend}</Button></Group>
              )}
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
