import { useEffect, useRef } from 'react';
import type { Dispatch, RefObject, SetStateAction } from 'react';
import type { TriageItemView } from '@watchfloor/contracts';
import type { ConsoleActions } from './console-actions';
import type { ConsoleStore } from './console-store';
import type { ItemHandlers } from './ItemDetail';
import { canTransition, heldByOther } from './item-rules';
import { shortcutFor } from './shortcuts';
import type { ShortcutAction } from './shortcuts';
import type { CorrectedSentiment } from './triage-client';

export interface ConsoleShortcutContext {
  /** The open item, if any. */
  item: TriageItemView | undefined;
  selfId: string;
  canWork: boolean;
  canCorrect: boolean;
  actions: ConsoleActions;
  store: ConsoleStore;
  handlers: ItemHandlers;
  fields: { reply: RefObject<HTMLTextAreaElement | null>; note: RefObject<HTMLTextAreaElement | null> };
  help: { open: boolean; set: Dispatch<SetStateAction<boolean>> };
}

/** Keys typed into a field are text, not commands (Escape excepted: it leaves the field). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type))
  );
}

/** What a key does, with the same guards as the buttons. */
function runShortcut(
  action: ShortcutAction,
  { item, selfId, canWork, canCorrect, actions, store, handlers, fields, help }: ConsoleShortcutContext,
): void {
  /** Runs `act` on the open item, for those who work items. */
  const work = (act: (open: TriageItemView) => void) => {
    if (item !== undefined && canWork) act(item);
  };
  const correct = (sentiment: CorrectedSentiment) => {
    if (item !== undefined && canCorrect) handlers.correct(item.id, { sentiment });
  };
  const move = (open: TriageItemView, transition: 'resolve' | 'wait') => {
    if (canTransition(open.status, transition)) handlers.transition(open.id, transition);
  };
  switch (action) {
    case 'next':
      return void actions.move(1);
    case 'previous':
      return void actions.move(-1);
    case 'help':
      return help.set((shown) => !shown);
    case 'close':
      return help.open ? help.set(false) : void actions.open(null);
    case 'claim':
      return work((open) => {
        const holder = heldByOther(open, selfId);
        if (holder !== null) store.setActionError(`${holder} is on this`);
        else if (open.assignee?.id !== selfId) handlers.claim(open.id);
      });
    case 'resolve':
      return work((open) => move(open, 'resolve'));
    case 'wait':
      return work((open) => move(open, 'wait'));
    case 'reply':
      return work(() => fields.reply.current?.focus());
    case 'note':
      return work(() => fields.note.current?.focus());
    case 'toggleSelect':
      return work((open) => store.toggleChecked(open.id));
    case 'correctNegative':
      return correct('negative');
    case 'correctNeutral':
      return correct('neutral');
    case 'correctPositive':
      return correct('positive');
  }
}

/**
 * The console's keyboard: one listener on the window, acting on the latest context. Work keys
 * only for those who work items, corrections for those who may correct, and no claiming what
 * someone else holds.
 */
export function useConsoleShortcuts(context: ConsoleShortcutContext): void {
  const latest = useRef(context);
  useEffect(() => {
    latest.current = context;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const action = shortcutFor(event.key);
      if (action === undefined) return;
      // Holding j or k runs down the inbox; held down, any other key would act again and again.
      if (event.repeat && action !== 'next' && action !== 'previous') return;
      if (isTyping(event.target)) {
        if (action === 'close' && event.target instanceof HTMLElement) event.target.blur();
        return;
      }
      event.preventDefault();
      runShortcut(action, latest.current);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
