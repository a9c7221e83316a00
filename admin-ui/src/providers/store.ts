import { localStorageStore, type Store } from 'react-admin';

const base = localStorageStore('1', 'RecoveryDesk');

/**
 * react-admin resets the store at logout (list filters, column choices: nothing should leak to the next
 * person at this desk), but the language is a property of the workstation, not of the session.
 */
export const store: Store = {
  ...base,
  reset() {
    const locale = base.getItem<string>('locale');
    base.reset();
    if (locale) base.setItem('locale', locale);
  },
};
