import { type NestExpressApplication } from '@nestjs/platform-express';
import { pino } from 'pino';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/app.factory.js';
import { type AppConfig, loadConfig } from '../../libs/config/index.js';
import { dataSourceOptions } from '../../libs/database/index.js';
import { createTestDatabase } from './test-postgres.js';
import { DEMO_EVENT, DEMO_PASSWORD, seedDemo } from '../../libs/demo/index.js';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

/** A running API on its own fresh database, spoken to over real HTTP. */
export class TestApp {
  private constructor(
    readonly app: NestExpressApplication,
    readonly baseUrl: string,
    readonly config: AppConfig,
    /** Direct database access for arranging and checking state. */
    readonly db: DataSource,
    private readonly dropDatabase: () => Promise<void>,
  ) {}

  /** `database`: a database of the test's own (e.g. on a server it restarts) instead of a clone of the template. */
  static async start(env: Record<string, string> = {}, database?: { url: string; drop(): Promise<void> }): Promise<TestApp> {
    database ??= await createTestDatabase();
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      AUTH_SECRET: 'test-secret-that-is-at-least-32-characters-long',
      DATABASE_URL: database.url,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
      // Test files sign up many people from 127.0.0.1; the security specs switch budgets back on.
      RATE_LIMITS_ENABLED: 'false',
      ...env,
    });
    const logger = pino({ level: config.logLevel });
    const app = await createApp(config, database.url, logger);
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    const db = await new DataSource(dataSourceOptions(database.url, { extra: { max: 2 } })).initialize();
    return new TestApp(app, `http://127.0.0.1:${port}`, config, db, database.drop);
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.db.destroy();
    await this.dropDatabase();
  }

  async gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLResponse<T>> {
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as GraphQLResponse<T>;
    return { ...body, status: res.status };
  }

  /** Like gql, but fails the test with the errors when there are any. */
  async ok<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const res = await this.gql<T>(query, variables, token);
    if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors, null, 2)}`);
    return res.data as T;
  }

  /** Seeds the Kittilä demo event into this app's database and returns the event's id. */
  async seedDemoEvent(): Promise<string> {
    await seedDemo(this.db);
    const data = await this.ok<{ event: { id: string } }>(`query($s: String!) { event(slug: $s) { id } }`, { s: DEMO_EVENT.slug });
    return data.event.id;
  }

  /** Signs in one of the demo logins (see DEMO_LOGINS) and returns its token. */
  async loginDemo(email: string): Promise<string> {
    const data = await this.ok<{ login: { token: string } }>(
      `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
      { e: email, p: DEMO_PASSWORD },
    );
    return data.login.token;
  }

  /** Registers an account and returns its token and id. */
  async signUp(name: string, email = `${name.toLowerCase().replace(/\W+/g, '.')}@test.example`) {
    const data = await this.ok<{ register: { token: string; account: { id: string } } }>(
      `mutation($input: RegisterAccountInput!) { register(input: $input) { token account { id } } }`,
      { input: { email, name, password: 'correct horse battery', consentVersion: '2026-11' } },
    );
    return { token: data.register.token, accountId: data.register.account.id, email };
  }
}

/** The `extensions.code` of the first error, for terse assertions. */
export function errorCode(res: GraphQLResponse): string | undefined {
  return res.errors?.[0]?.extensions?.code;
}
