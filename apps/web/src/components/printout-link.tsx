import { Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from 'urql';
import { graphql } from '../gql/index.js';
import { type Printout } from '../gql/graphql.js';
import { fmt, locale, m } from '../i18n/index.js';
import { browserZone, timeLabel } from '../lib/time-display.js';
import { ErrorSummary, toErrors } from './api-error.js';

const PrintoutLinkMutation = graphql(`
  mutation PrintoutLink($eventId: ID!, $printout: Printout!) { printoutLink(eventId: $eventId, printout: $printout) { url expiresAt } }
`);

/**
 * Opens a printout in a new tab by a fresh link, so the page is a document of its own (with its
 * own print styles) rather than a blob, which would take the app's stricter policy along.
 */
export function usePrintoutOpener(): (eventId: string, printout: Printout) => Promise<boolean> {
  const [, create] = useMutation(PrintoutLinkMutation);
  return async (eventId, printout) => {
    const tab = window.open('', '_blank');
    const result = await create({ eventId, printout });
    const url = result.data?.printoutLink.url;
    if (!url) {
      tab?.close();
      return false;
    }
    const { pathname, search } = new URL(url);
    // Same origin as the app, whatever PUBLIC_BASE_URL says (e.g. the dev server's proxy).
    if (tab) tab.location.href = `${pathname}${search}`;
    else window.location.href = `${pathname}${search}`;
    return true;
  };
}

/**
 * "A link for another computer": opens the printout on the venue's printer computer without
 * signing in there, for 12 hours. Shown on request, with a copy button and when it stops working.
 */
export function PrintoutLinkButton({ eventId, printout, zone, label }: { eventId: string; printout: Printout; zone: string; label: string }) {
  const [result, create] = useMutation(PrintoutLinkMutation);
  const link = result.data?.printoutLink;
  const until = link ? timeLabel(link.expiresAt, zone, browserZone(zone), { locale }) : null;
  return (
    <Stack gap="xs">
      <Group>
        <Button variant="subtle" loading={result.fetching} onClick={() => void create({ eventId, printout })} aria-label={fmt(m.printoutLink.make, { what: label })}>
          {m.printoutLink.button}
        </Button>
      </Group>
      <ErrorSummary errors={toErrors(result.error).general} />
      {link && until && (
        <>
          <TextInput label={fmt(m.printoutLink.label, { what: label })} value={link.url} readOnly onFocus={(e) => e.currentTarget.select()}
            description={fmt(m.printoutLink.until, { time: `${until.eventTime} ${until.eventZone}` })} />
          <Group>
            <CopyButton value={link.url}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy} aria-live="polite">{copied ? m.printoutLink.copied : m.printoutLink.copy}</Button>
              )}
            </CopyButton>
          </Group>
          <Text size="sm" c="dimmed">{m.printoutLink.warning}</Text>
        </>
      )}
    </Stack>
  );
}
