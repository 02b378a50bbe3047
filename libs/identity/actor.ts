/** Who is making a request: a signed-in account, or null for anonymous. */
export interface Actor {
  accountId: string;
}
