import { Anchor, Button, Checkbox, Paper, PasswordInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { DELETED, useSession } from '../auth.js';
import { ErrorSummary, toErrors } from '../components/api-error.js';
import { graphql } from '../gql/index.js';
import type { OrganisationType } from '../gql/graphql.js';
import { m } from '../i18n/index.js';
import { CONSENT_VERSION } from './participant.js';

const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) { token account { id name } }
  }
`);

const RegisterMutation = graphql(`
  mutation RegisterAccount($input: RegisterAccountInput!) {
    register(input: $input) { token account { id name } }
  }
`);

function useAfterSignIn() {
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  return () => navigate(from && from.startsWith('/') ? from : '/my/events', { replace: true });
}

export function SignInPage() {
  const { signIn } = useSession();
  const location = useLocation();
  const done = useAfterSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [result, login] = useMutation(LoginMutation);
  const errors = toErrors(result.error, ['email', 'password']);
  const { endedBecause } = useSession();
  const state = location.state as { signedOut?: boolean } | null;
  // A session that ended on its own (a deletion, a suspension) says why; otherwise what the person just did.
  const reasons: Readonly<Record<string, string>> = m.errors.reasons;
  const ended = endedBecause === DELETED ? m.auth.accountDeleted
    : endedBecause && Object.prototype.hasOwnProperty.call(reasons, endedBecause) ? reasons[endedBecause] : null;
  const notice = ended ?? (state?.signedOut ? m.auth.signedOut : null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const res = await login({ email, password });
    if (res.data) {
      signIn(res.data.login.token);
      done();
    }
  };

  return (
    <Paper maw={420} mx="auto" p="md" withBorder>
      <Title order={1} size="h2" mb="md">
        {m.auth.signInTitle}
      </Title>
      {notice && (
        <Text role="status" mb="sm">
          {notice}
        </Text>
      )}
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={m.auth.email} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errors.fields.email} />
          <PasswordInput label={m.auth.password} autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={errors.fields.password} />
          <Text size="sm">
            <Anchor component={Link} to="/forgot-password" state={{ email }}>
              {m.passwords.forgotLink}
            </Anchor>
          </Text>
          <ErrorSummary errors={errors.general} />
          <Button type="submit" loading={result.fetching}>
            {m.auth.submitSignIn}
          </Button>
          <Text size="sm">
            {m.auth.noAccount}{' '}
            <Anchor component={Link} to="/register" state={location.state}>
              {m.auth.createOne}
            </Anchor>
          </Text>
          <Text size="sm" c="dimmed">
            {m.auth.demoHint}
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}

const ORGANISATION_TYPES: OrganisationType[] = ['CLUSTER', 'SME', 'LARGE_COMPANY', 'RESEARCH', 'PUBLIC_AUTHORITY', 'INVESTOR', 'OTHER'];

export function RegisterPage() {
  const { signIn } = useSession();
  const location = useLocation();
  const done = useAfterSignIn();
  const [form, setForm] = useState({ name: '', email: '', password: '', jobTitle: '', organisation: '', type: 'CLUSTER', country: '', region: '' });
  const [result, register] = useMutation(RegisterMutation);
  const [consent, setConsent] = useState(false);
  const [consentError, setConsentError] = useState(false);
  const errors = toErrors(result.error, ['name', 'email', 'password', 'jobTitle', 'country', 'region']);
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!consent) return setConsentError(true);
    const res = await register({
      input: {
        consentVersion: CONSENT_VERSION,
        name: form.name,
        email: form.email,
        password: form.password,
        jobTitle: form.jobTitle || null,
        organisation: form.organisation
          ? { name: form.organisation, type: form.type as OrganisationType, country: form.country || null, region: form.region || null }
          : null,
      },
    });
    if (res.data) {
      signIn(res.data.register.token);
      done();
    }
  };

  return (
    <Paper maw={520} mx="auto" p="md" withBorder>
      <Title order={1} size="h2" mb="md">
        {m.auth.registerTitle}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={m.auth.name} autoComplete="name" required value={form.name} onChange={set('name')} error={errors.fields.name} />
          <TextInput label={m.auth.email} type="email" autoComplete="email" required value={form.email} onChange={set('email')} error={errors.fields.email} />
          <PasswordInput label={m.auth.password} description={m.auth.passwordHint} autoComplete="new-password" required value={form.password} onChange={set('password')} error={errors.fields.password} />
          <TextInput label={m.auth.jobTitle} autoComplete="organization-title" value={form.jobTitle} onChange={set('jobTitle')} error={errors.fields.jobTitle} />
          <TextInput label={m.auth.organisationName} autoComplete="organization" value={form.organisation} onChange={set('organisation')} />
          <Select
            label={m.auth.organisationType}
            data={ORGANISATION_TYPES.map((value) => ({ value, label: m.organisationType[value] }))}
            value={form.type}
            onChange={(value) => setForm({ ...form, type: value ?? 'CLUSTER' })}
            allowDeselect={false}
          />
          <TextInput label={m.auth.country} autoComplete="country" maxLength={2} value={form.country} onChange={set('country')} error={errors.fields.country} />
          <TextInput label={m.auth.region} value={form.region} onChange={set('region')} error={errors.fields.region} />
          <Checkbox
            label={m.auth.consent}
            checked={consent}
            onChange={(e) => {
              setConsent(e.currentTarget.checked);
              setConsentError(false);
            }}
            error={consentError ? m.auth.consentRequired : undefined}
          />
          <ErrorSummary errors={errors.general} />
          <Button type="submit" loading={result.fetching}>
            {m.auth.submitRegister}
          </Button>
          <Text size="sm">
            {m.auth.haveAccount}{' '}
            <Anchor component={Link} to="/sign-in" state={location.state}>
              {m.nav.signIn}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
