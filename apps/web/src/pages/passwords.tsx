// Passwords: asking for a link to set one (forgotten, or never set: imported participants have
// none), setting it with the link's token, and changing it on My account. Each ends the account's
// other sessions; the API returns a new token, stored the way signing in stores it.
import { Alert, Anchor, Button, Card, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, type RefObject, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { useSession } from '../auth.js';
import { ErrorSummary, toErrors } from '../components/api-error.js';
import { graphql } from '../gql/index.js';
import { fmt, m } from '../i18n/index.js';

const RequestResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }
`);
const ResetMutation = graphql(`
  mutation ResetPassword($token: String!, $password: String!) {
    resetPassword(token: $token, password: $password) { token account { id name } }
  }
`);
const ChangeMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { token account { id name } }
  }
`);

/** The API's minimum (MIN_PASSWORD in libs/identity), checked here first so a short one never travels. */
const MIN_PASSWORD = 10;

type FieldMessages = Record<string, string>;

/** The client's own checks of a new password and its repeat, keyed by the form's field names. */
function checkNewPassword(password: string, repeat: string, names: { password: string; repeat: string }): FieldMessages {
  if (password.length < MIN_PASSWORD) return { [names.password]: fmt(m.passwords.tooShort, { min: MIN_PASSWORD }) };
  if (password !== repeat) return { [names.repeat]: m.passwords.mismatch };
  return {};
}

/** Keyboard focus to the first field, in form order, that has a message. */
function focusFirstInvalid(messages: FieldMessages, inputs: [string, RefObject<HTMLInputElement | null>][]): void {
  inputs.find(([name]) => messages[name])?.[1].current?.focus();
}

export function ForgotPasswordPage() {
  const location = useLocation();
  // The sign-in page hands over what was typed there.
  const [email, setEmail] = useState(() => (location.state as { email?: string } | null)?.email ?? '');
  const [missing, setMissing] = useState(false);
  const [sent, setSent] = useState(false);
  const [result, request] = useMutation(RequestResetMutation);
  const errors = toErrors(result.error, ['email']);
  const emailInput = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSent(false);
    setMissing(!email.trim());
    if (!email.trim()) return emailInput.current?.focus();
    const res = await request({ email });
    if (res.data) setSent(true);
    else if (toErrors(res.error, ['email']).fields.email) emailInput.current?.focus();
  };

  return (
    <Paper maw={480} mx="auto" p="md" withBorder>
      <Title order={1} size="h2" mb="md">
        {m.passwords.forgotTitle}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{m.passwords.forgotIntro}</Text>
          <TextInput
            ref={emailInput}
            label={m.auth.email}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={missing ? m.errors.required : errors.fields.email}
          />
          <ErrorSummary errors={errors.general} />
          <Button type="submit" loading={result.fetching}>
            {m.passwords.sendLink}
          </Button>
          {sent && (
            <Alert color="green" variant="light" role="status">
              {m.passwords.linkSent}
            </Alert>
          )}
          <Text size="sm">
            <Anchor component={Link} to="/sign-in">
              {m.passwords.backToSignIn}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}

export function ResetPasswordPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const { signIn } = useSession();
  // The link's secret is read once and kept only here: it leaves the address bar (and so the
  // history, bookmarks and screenshots) as soon as the page has it. The router's replace is
  // history.replaceState, and keeps the router's own idea of the address in step.
  const [token] = useState(() => new URLSearchParams(location.hash.slice(1)).get('token') ?? '');
  useEffect(() => {
    if (location.hash) void navigate({ pathname: location.pathname, search: location.search }, { replace: true, state: location.state });
  }, [location, navigate]);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [checked, setChecked] = useState<FieldMessages>({});
  const [result, reset] = useMutation(ResetMutation);
  const errors = toErrors(result.error, ['password']);
  const linkRefused = !!result.error?.graphQLErrors.some((e) => e.extensions?.reason === 'INVALID_RESET_LINK');
  const passwordInput = useRef<HTMLInputElement>(null);
  const repeatInput = useRef<HTMLInputElement>(null);
  const inputs: [string, RefObject<HTMLInputElement | null>][] = [['password', passwordInput], ['repeat', repeatInput]];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = checkNewPassword(password, repeat, { password: 'password', repeat: 'repeat' });
    setChecked(problems);
    if (Object.keys(problems).length) return focusFirstInvalid(problems, inputs);
    const res = await reset({ token, password });
    if (res.data) {
      signIn(res.data.resetPassword.token);
      // My events confirms it (state.passwordSet).
      void navigate('/my/events', { replace: true, state: { passwordSet: true } });
    } else {
      focusFirstInvalid(toErrors(res.error, ['password']).fields, inputs);
    }
  };

  return (
    <Paper maw={480} mx="auto" p="md" withBorder>
      <Title order={1} size="h2" mb="md">
        {m.passwords.resetTitle}
      </Title>
      {!token || linkRefused ? (
        <Stack>
          {linkRefused ? <ErrorSummary errors={errors.general} /> : <Text>{m.passwords.noToken}</Text>}
          <Text>
            <Anchor component={Link} to="/forgot-password">
              {m.passwords.askNewLink}
            </Anchor>
          </Text>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{m.passwords.resetIntro}</Text>
            <PasswordInput
              ref={passwordInput}
              label={m.passwords.newPassword}
              description={m.auth.passwordHint}
              autoComplete="new-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={checked.password ?? errors.fields.password}
            />
            <PasswordInput
              ref={repeatInput}
              label={m.passwords.repeatPassword}
              autoComplete="new-password"
              required
              value={repeat}
              onChange={(e) => setRepeat(e.currentTarget.value)}
              error={checked.repeat}
            />
            <ErrorSummary errors={errors.general} />
            <Button type="submit" loading={result.fetching}>
              {m.passwords.save}
            </Button>
          </Stack>
        </form>
      )}
    </Paper>
  );
}

/** On My account: the current password, a new one twice. This device stays signed in with the new token. */
export function ChangePasswordCard({ email }: { email?: string }) {
  const { signIn } = useSession();
  const empty = { currentPassword: '', newPassword: '', repeat: '' };
  const [form, setForm] = useState(empty);
  const [checked, setChecked] = useState<FieldMessages>({});
  const [done, setDone] = useState(false);
  const [result, change] = useMutation(ChangeMutation);
  const errors = toErrors(result.error, ['currentPassword', 'newPassword']);
  const currentInput = useRef<HTMLInputElement>(null);
  const newInput = useRef<HTMLInputElement>(null);
  const repeatInput = useRef<HTMLInputElement>(null);
  const inputs: [string, RefObject<HTMLInputElement | null>][] = [['currentPassword', currentInput], ['newPassword', newInput], ['repeat', repeatInput]];
  const set = (key: keyof typeof empty) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const problems = {
      ...(form.currentPassword ? {} : { currentPassword: m.errors.required }),
      ...checkNewPassword(form.newPassword, form.repeat, { password: 'newPassword', repeat: 'repeat' }),
    };
    setChecked(problems);
    if (Object.keys(problems).length) return focusFirstInvalid(problems, inputs);
    const res = await change({ currentPassword: form.currentPassword, newPassword: form.newPassword });
    if (res.data) {
      // The old token no longer works anywhere: this device carries on with the new one.
      signIn(res.data.changePassword.token);
      setForm(empty);
      setDone(true);
    } else {
      focusFirstInvalid(toErrors(res.error, ['currentPassword', 'newPassword']).fields, inputs);
    }
  };

  return (
    <Card withBorder component="form" aria-labelledby="password" onSubmit={submit} noValidate>
      <Stack gap="xs" align="flex-start">
        <Title order={2} size="h4" id="password">{m.passwords.changeTitle}</Title>
        <Text size="sm">{m.passwords.changeIntro}</Text>
        {/* For password managers: which account's password this is. */}
        {email && <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />}
        <PasswordInput ref={currentInput} label={m.passwords.currentPassword} autoComplete="current-password" required w="100%" maw={360}
          value={form.currentPassword} onChange={set('currentPassword')} error={checked.currentPassword ?? errors.fields.currentPassword} />
        <PasswordInput ref={newInput} label={m.passwords.newPassword} description={m.auth.passwordHint} autoComplete="new-password" required w="100%" maw={360}
          value={form.newPassword} onChange={set('newPassword')} error={checked.newPassword ?? errors.fields.newPassword} />
        <PasswordInput ref={repeatInput} label={m.passwords.repeatPassword} autoComplete="new-password" required w="100%" maw={360}
          value={form.repeat} onChange={set('repeat')} error={checked.repeat} />
        <ErrorSummary errors={errors.general} />
        <Button type="submit" loading={result.fetching}>{m.passwords.change}</Button>
        {done && <Alert color="green" variant="light" role="status">{m.passwords.changed}</Alert>}
      </Stack>
    </Card>
  );
}
