import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { Provider, useQuery } from 'urql';
import { graphql } from './gql/index.js';
import { createClient, tokenStore } from './client.js';
import { forgetOfflineData } from './offline.js';

const MeQuery = graphql(`
  query Me {
    me { id name email jobTitle isPlatformAdmin organisation { id name } }
  }
`);

/** The sign-out reason of an account its owner has just deleted. */
export const DELETED = 'ACCOUNT_DELETED';

interface Session {
  token: string | null;
  /** Why the API ended the last session (an error reason such as ACCOUNT_SUSPENDED), for the sign-in page. */
  endedBecause: string | null;
  signIn(token: string): void;
  signOut(reason?: string): void;
}

const SessionContext = createContext<Session>({ token: null, endedBecause: null, signIn() {}, signOut() {} });

export function SessionProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState(() => tokenStore.get());
  const [client, setClient] = useState(createClient);
  const [endedBecause, setEndedBecause] = useState<string | null>(null);
  const change = useCallback((next: string | null, reason: string | null = null) => {
    tokenStore.set(next);
    if (!next) forgetOfflineData();
    setToken(next);
    setEndedBecause(reason);
    setClient(createClient());
  }, []);
  const session = useMemo<Session>(
    () => ({ token, endedBecause, signIn: (next) => change(next), signOut: (reason) => change(null, reason ?? null) }),
    [token, endedBecause, change],
  );
  return (
    <SessionContext.Provider value={session}>
      <Provider value={client}>{children}</Provider>
    </SessionContext.Provider>
  );
}

export function useSession() {
  return useContext(SessionContext);
}

/** The signed-in account, or null; a token the API no longer accepts signs out. */
export function useMe() {
  const { token, signOut } = useSession();
  const [result] = useQuery({ query: MeQuery, pause: !token, requestPolicy: 'cache-first' });
  const refusal = result.error?.graphQLErrors.find((e) => e.extensions?.code === 'UNAUTHENTICATED');
  if (refusal && token) queueMicrotask(() => signOut(typeof refusal.extensions.reason === 'string' ? refusal.extensions.reason : undefined));
  return { me: token ? (result.data?.me ?? null) : null, fetching: result.fetching };
}
