import { Client, cacheExchange, fetchExchange } from 'urql';

const TOKEN_KEY = 'clustermeet.token';

export const tokenStore = {
  get: (): string | null => {
    try {
      return localStorage.getItem(TOKEN_KEY);
    } catch {
      return null;
    }
  },
  set: (token: string | null) => {
    if (token) localStorage.setItem(TOKEN_KEY, token);
    else localStorage.removeItem(TOKEN_KEY);
  },
};

/** A fresh client (and cache) per signed-in identity, so nothing leaks across sign-out. */
export function createClient(): Client {
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: 'cache-and-network',
    // POST always: the API's CSRF protection refuses GET operations without a preflight header.
    preferGetMethod: false,
    fetchOptions: (): RequestInit => {
      const token = tokenStore.get();
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      return { headers };
    },
  });
}
