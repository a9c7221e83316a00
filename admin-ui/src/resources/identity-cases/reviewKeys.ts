import { createContext, useContext } from 'react';

/** What a key asks of the current document's card. */
export type CardAction = 'zoomIn' | 'zoomOut' | 'rotateRight' | 'rotateLeft' | 'reset' | 'accept' | 'reject' | 'reupload';
export type KeyAction = CardAction | 'next' | 'previous' | 'help';

/** The review console's keys, as review consoles have them (the help lists them in this order, `label` under cases.keys). */
export const KEYS: { keys: string[]; label: string }[] = [
  { keys: ['J'], label: 'next' },
  { keys: ['K'], label: 'previous' },
  { keys: ['+'], label: 'zoom_in' },
  { keys: ['-'], label: 'zoom_out' },
  { keys: ['R'], label: 'rotate_right' },
  { keys: ['⇧ R'], label: 'rotate_left' },
  { keys: ['0'], label: 'reset' },
  { keys: ['A'], label: 'accept' },
  { keys: ['X'], label: 'reject' },
  { keys: ['U'], label: 'reupload' },
  { keys: ['?'], label: 'help' },
];

const BY_KEY: Record<string, KeyAction> = {
  j: 'next',
  k: 'previous',
  '+': 'zoomIn',
  '=': 'zoomIn',
  '-': 'zoomOut',
  r: 'rotateRight',
  R: 'rotateLeft',
  '0': 'reset',
  a: 'accept',
  x: 'reject',
  u: 'reupload',
  '?': 'help',
};

export const keyAction = (key: string): KeyAction | null => BY_KEY[key] ?? null;

/**
 * Keys are the reviewer's words while they type: nothing fires from a text field, a menu, a dialog or an open
 * decision form (which has its own: Escape, Ctrl+Enter).
 */
export function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  return Boolean(target.closest('[role="combobox"], [role="listbox"], [role="menu"], [role="dialog"], form'));
}

export interface ReviewKeys {
  currentId: string | null;
  /** Grows each time a key or a decision moves to a document: that card takes the focus. */
  focusSeq: number;
  /** The reviewer went to a card (click, Tab): it becomes current, focus stays where it is. */
  setCurrent(id: string): void;
  /** A card's answer to the keys; false when the action does not apply to it now. */
  register(id: string, handler: (action: CardAction) => boolean): () => void;
}

export const ReviewKeysContext = createContext<ReviewKeys | null>(null);
export const useReviewKeysContext = () => useContext(ReviewKeysContext);
