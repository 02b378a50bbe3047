// Which paths the API leaves to the web app (apps/api/http/web-app.middleware.ts).
import { isApiPath } from '../../apps/api/http/web-app.middleware.js';

describe('web app fallback', () => {
  it('never shadows API routes or files', () => {
    for (const path of ['/graphql', '/graphql/ide/react.js', '/health', '/calendar/abc.ics', '/calendar/abc', '/events/cmr/agenda.pdf', '/events/cmr/agenda.ics', '/materials/1/2', '/unsubscribe/tok']) {
      expect([path, isApiPath(path)]).toEqual([path, true]);
    }
  });

  it('serves client routes', () => {
    for (const path of ['/', '/sign-in', '/events/cmr-kittila-2023', '/organise/cmr-kittila-2023/participants', '/my/events']) {
      expect([path, isApiPath(path)]).toEqual([path, false]);
    }
  });
});
