import { errorCode, TestApp } from '../support/test-app.js';

const CREATE = `mutation($input: CreateEventInput!) { createEvent(input: $input) { id slug status timeZone } }`;
const kittila = (slug: string) => ({
  name: 'Clusters meet Regions test',
  slug,
  timeZone: 'Europe/Helsinki',
  startsOn: '2023-04-25',
  endsOn: '2023-04-27',
});

describe('events (GraphQL end to end)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('lets an account create a draft event, which stays invisible until published', async () => {
    const organiser = await t.signUp('Olga Organiser');
    const { createEvent } = await t.ok(CREATE, { input: kittila('draft-then-published') }, organiser.token);
    expect(createEvent).toMatchObject({ slug: 'draft-then-published', status: 'DRAFT', timeZone: 'Europe/Helsinki' });

    const anonymous = await t.gql(`{ event(slug: "draft-then-published") { id } }`);
    expect(errorCode(anonymous)).toBe('NOT_FOUND');
    const listed = await t.ok(`{ events { nodes { slug } } }`);
    expect(listed.events.nodes).toEqual([]);

    await t.ok(`mutation($id: ID!) { setEventStatus(id: $id, status: PUBLISHED) { status } }`, { id: createEvent.id }, organiser.token);
    const published = await t.ok(`{ event(slug: "draft-then-published") { name status } }`);
    expect(published.event).toEqual({ name: 'Clusters meet Regions test', status: 'PUBLISHED' });
  });

  it('refuses bad input with a coded error naming the field', async () => {
    const organiser = await t.signUp('Bad Input');
    const cases: [Record<string, string>, string, string][] = [
      [{ timeZone: 'Europe/Kittila' }, 'BAD_USER_INPUT', 'timeZone'],
      [{ endsOn: '2023-04-24' }, 'BAD_USER_INPUT', 'endsOn'],
      [{ startsOn: '2023-02-30' }, 'BAD_USER_INPUT', 'startsOn'],
      [{ slug: 'Not A Slug' }, 'BAD_USER_INPUT', 'slug'],
    ];
    for (const [override, code, field] of cases) {
      const res = await t.gql(CREATE, { input: { ...kittila('bad-input'), ...override } }, organiser.token);
      expect({ code: errorCode(res), field: res.errors?.[0]?.extensions?.field }).toEqual({ code, field });
      expect(res.errors?.[0]?.message).toBeTruthy();
    }
  });

  it('reports a duplicate slug as CONFLICT, also when two requests race', async () => {
    const organiser = await t.signUp('Racing Organiser');
    const results = await Promise.all([1, 2, 3].map(() => t.gql(CREATE, { input: kittila('same-slug') }, organiser.token)));
    expect(results.filter((r) => !r.errors).length).toBe(1);
    for (const r of results.filter((r) => r.errors)) {
      expect(errorCode(r)).toBe('CONFLICT');
      expect(r.errors?.[0]?.extensions?.reason).toBe('SLUG_TAKEN');
    }
  });

  it('requires a valid token for changes and keeps other organisers out', async () => {
    const owner = await t.signUp('Owner Organiser');
    const other = await t.signUp('Other Organiser');
    const { createEvent } = await t.ok(CREATE, { input: kittila('guarded-event') }, owner.token);
    await t.ok(CREATE, { input: kittila('other-event') }, other.token);
    const update = `mutation($id: ID!) { updateEvent(id: $id, input: { name: "Hijacked" }) { name } }`;

    expect(errorCode(await t.gql(CREATE, { input: kittila('anon-event') }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(update, { id: createEvent.id }, 'not-a-token'))).toBe('UNAUTHENTICATED');
    // The draft does not exist for an organiser of another event.
    expect(errorCode(await t.gql(update, { id: createEvent.id }, other.token))).toBe('NOT_FOUND');
    await t.ok(`mutation($id: ID!) { setEventStatus(id: $id, status: PUBLISHED) { status } }`, { id: createEvent.id }, owner.token);
    expect(errorCode(await t.gql(update, { id: createEvent.id }, other.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(update, { id: '00000000-0000-0000-0000-000000000000' }, owner.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(update, { id: 'nonsense' }, owner.token))).toBe('NOT_FOUND');
    const renamed = await t.ok(`mutation($id: ID!) { updateEvent(id: $id, input: { name: "Renamed" }) { name } }`, { id: createEvent.id }, owner.token);
    expect(renamed.updateEvent.name).toBe('Renamed');
  });
});
