import { localStorageStore, memoryStore, type Store } from 'react-admin';

const base = localStorageStore('1', 'RecoveryDesk');

/**
 * Keys under this prefix live in memory only: what an agent types about a caller (an email, a phone number,
 * a name in the account search) must not stay in the browser's storage after the page closes.
 */
export const VOLATILE = 'volatile.';

const volatile = memoryStore();

const pick = (key: string): Store => (key.startsWith(VOLATILE) ? volatile : base);

/**
 * react-admin resets the store at logout (list filters, column choices, open calls: nothing should leak to the
 * next person at this desk), but the language is a property of the workstation, not of the session.
 */
export const store: Store = {
  setup() {
    base.setup();
    volatile.setup();
  },
  teardown() {
    base.teardown();
    volatile.teardown();
  },
  getItem: (key, defaultValue) => pick(key).getItem(key, defaultValue),
  setItem: (key, value) => pick(key).setItem(key, value),
  removeItem: (key) => pick(key).removeItem(key),
  removeItems(keyPrefix) {
    base.removeItems(keyPrefix);
    volatile.removeItems(keyPrefix);
  },
  reset() {
    const locale = base.getItem<string>('locale');
    base.reset();
    volatile.reset();
    if (locale) base.setItem('locale', locale);
  },
  subscribe: (key, callback) => pick(key).subscribe(key, callback),
  listItems: (keyPrefix) => ({ ...base.listItems?.(keyPrefix), ...volatile.listItems?.(keyPrefix) }),
};
