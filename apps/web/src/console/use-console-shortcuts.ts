import type { Dispatch, RefObject, SetStateAction } from 'react';
import type { TriageItemView } from '@watchfloor/contracts';
import type { ConsoleActions } from './console-actions';
import type { ConsoleStore } from './console-store';
import type { ItemHandlers } from './ItemDetail';
import { canTransition, heldByOther } from './item-rules';
import type { CorrectedSentiment } from './triage-client';
import { useShortcuts } from './use-shortcuts';

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

/**
 * What each key does in the console, with the same guards as the buttons: work keys only for
 * those who work items, corrections for those who may correct, and no claiming what someone else holds.
 */
export function useConsoleShortcuts({
  item,
  selfId,
  canWork,
  canCorrect,
  actions,
  store,
  handlers,
  fields,
  help,
}: ConsoleShortcutContext): void {
  useShortcuts((action) => {
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
  });
}
