import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { Provider, useQuery } from 'urql';
import { graphql } from './gql/index.js';
import { createClient, tokenStore } from './client.js';
import { forgetOfflineData } from './offline.js';

const MeQuery = graphql(`
  query Me {
    me { id name email jobTitle organisation { id name } }
  }
`);

interface Session {
  token: string | null;
  signIn(token: string): void;
  signOut(): void;
}

const SessionContext = createContext<Session>({ token: null, signIn() {}, signOut() {} });

export function SessionProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState(() => tokenStore.get());
  const [client, setClient] = useState(createClient);
  const change = useCallback((next: string | null) => {
    tokenStore.set(next);
    if (!next) forgetOfflineData();
    setToken(next);
    setClient(createClient());
  }, []);
  const session = useMemo<Session>(() => ({ token, signIn: change, signOut: () => change(null) }), [token, change]);
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
  const unauthenticated = result.error?.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
  if (unauthenticated && token) queueMicrotask(signOut);
  return { me: token ? (result.data?.me ?? null) : null, fetching: result.fetching };
}
