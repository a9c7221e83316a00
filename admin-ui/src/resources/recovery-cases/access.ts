import { useEffect, useState } from 'react';
import { useAuthProvider } from 'react-admin';

/**
 * "May this user do `action` on this kind of thing at all?", asked without a record. react-admin's `useCanAccess`
 * takes the record of the surrounding page when none is given: on an account page, a rule with conditions (an
 * agent reads the recovery cases *they opened*) would then be tested against the account and fail.
 */
export function useCanAccessKind(action: string, resource: string): { canAccess: boolean; isPending: boolean } {
  const authProvider = useAuthProvider();
  const [state, setState] = useState({ canAccess: false, isPending: true });
  useEffect(() => {
    let live = true;
    const asked = authProvider?.canAccess ? authProvider.canAccess({ action, resource }) : Promise.resolve(true);
    asked.then(
      (canAccess) => live && setState({ canAccess: Boolean(canAccess), isPending: false }),
      () => live && setState({ canAccess: false, isPending: false }),
    );
    return () => {
      live = false;
    };
  }, [authProvider, action, resource]);
  return state;
}
