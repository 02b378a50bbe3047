import { Button, Group, Paper, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { m } from '../../i18n/index.js';
import { ErrorSummary } from '../../components/api-error.js';

/**
 * A destructive action behind an explicit second step: the first button asks, the question and a
 * "yes" button appear in place (focused), and cancelling returns focus to the first button.
 * An inline step rather than a modal: no focus trap or scroll lock to fight on phones.
 */
export function ConfirmStep({ label, ariaLabel, question, confirmLabel, busy, onConfirm, color = 'red' }: {
  label: string;
  ariaLabel: string;
  question: string;
  confirmLabel: string;
  busy: boolean;
  /** The action; the step closes when it settles (a refusal shows beside the item, by the caller). */
  onConfirm: () => Promise<unknown>;
  color?: string;
}) {
  const [asking, setAsking] = useState(false);
  const trigger = useReturnFocus(asking);

  if (!asking) {
    return (
      <Button ref={trigger} size="xs" variant="light" color={color} aria-label={ariaLabel} onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <Paper withBorder p="xs" role="group" aria-label={question}>
      <Text size="sm" fw={600} mb={6}>{question}</Text>
      <Group gap="xs">
        <Button size="xs" color={color} loading={busy} autoFocus onClick={() => void onConfirm().finally(() => setAsking(false))}>
          {confirmLabel}
        </Button>
        <Button size="xs" variant="default" onClick={() => setAsking(false)}>{m.common.cancel}</Button>
      </Group>
    </Paper>
  );
}

/**
 * A ref for the button that opens something in place (an editor, a question): when that closes,
 * keyboard focus goes back to the button instead of falling to the top of the page.
 */
export function useReturnFocus(open: boolean) {
  const trigger = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open) trigger.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return trigger;
}

/** The foot of an in-place editor: what the API refused (not tied to a field), Save and Cancel. */
export function EditorActions({ errors, saving, onClose }: { errors: string[]; saving: boolean; onClose: () => void }) {
  return (
    <>
      <ErrorSummary errors={errors} />
      <Group gap="xs">
        <Button type="submit" size="xs" loading={saving}>{m.builder.save}</Button>
        <Button size="xs" variant="default" onClick={onClose}>{m.common.cancel}</Button>
      </Group>
    </>
  );
}
