import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useDataProvider, useStore } from 'react-admin';
import type { AppDataProvider } from '../../providers/dataProvider';
import { apiErrorOf } from '../../providers/http';
import { CALL_REFERENCE_KEY } from './AccountSearchForm';
import type { CodeSent, UnmaskedContact, Verification } from './types';

/** Where the open verification of an account is kept, so a reload of the page keeps the call. */
export const verificationKey = (accountId: string) => `call.verification.${accountId}`;

export interface CallState {
  accountId: string;
  /** The verification of this call, as the server last described it; null before the call is started. */
  verification: Verification | null;
  /** True when the call's 15 minutes are over (by the server's word, or by the clock since). */
  expired: boolean;
  loading: boolean;
  loadError: string | null;
  start(callReference: string): Promise<void>;
  refresh(): Promise<void>;
  /** Forgets the call on this page (the server closes it by itself when its time is up). */
  forget(): void;
  /** The last code sent from this page (the server's state keeps only the code still waiting). */
  lastCode: CodeSent | null;
  setLastCode(code: CodeSent | null): void;
  /** The full contact data after an unmask: held in memory for this page only, dropped with the call. */
  unmasked: UnmaskedContact | null;
  setUnmasked(contact: UnmaskedContact | null): void;
  /** Bumped after an action that writes to the security timeline, so the timeline reloads. */
  timelineVersion: number;
  touchTimeline(): void;
}

const CallContext = createContext<CallState | null>(null);

export const useCall = (): CallState => {
  const call = useContext(CallContext);
  if (!call) throw new Error('useCall must be used inside <CallProvider>');
  return call;
};

/** The current time, ticking every second while mounted: for the call's countdown. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

export const CallProvider = ({ accountId, children }: { accountId: string; children: ReactNode }) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const [verificationId, setVerificationId] = useStore<string | null>(verificationKey(accountId), null);
  const [, setCallReference] = useStore<string>(CALL_REFERENCE_KEY, '');
  const [verification, setVerification] = useState<Verification | null>(null);
  const [loading, setLoading] = useState(() => Boolean(verificationId));
  const [loadError, setLoadError] = useState<string | null>(null);
  const [lastCode, setLastCode] = useState<CodeSent | null>(null);
  const [unmasked, setUnmasked] = useState<UnmaskedContact | null>(null);
  const [timelineVersion, setTimelineVersion] = useState(0);
  const [timeUp, setTimeUp] = useState(false);

  // State is set in the promise's callbacks only (the effect below calls this); callers set `loading` first.
  const load = useCallback(
    (id: string) =>
      dataProvider
        .getVerification(id)
        .then(
          (state) => {
            setVerification(state);
            setLoadError(null);
          },
          (error: unknown) => {
            const { status, message } = apiErrorOf(error);
            // Gone, or not this agent's call: nothing to resume.
            if (status === 404) {
              setVerificationId(null);
              setVerification(null);
            } else {
              setLoadError(message);
            }
          },
        )
        .finally(() => setLoading(false)),
    [dataProvider, setVerificationId],
  );

  // Another call (or none): what was shown for the previous one goes, during render rather than in an effect.
  const [shownFor, setShownFor] = useState(verificationId);
  if (shownFor !== verificationId) {
    setShownFor(verificationId);
    setLastCode(null);
    setUnmasked(null);
    setTimeUp(false);
    if (verificationId) setLoading(true);
    else setVerification(null);
  }
  useEffect(() => {
    if (verificationId) void load(verificationId);
  }, [verificationId, load]);

  // The countdown reaching zero ends the call on this page, unmasked data included.
  useEffect(() => {
    if (!verification || verification.expired) return;
    const left = new Date(verification.expiresAt).getTime() - Date.now();
    const timeout = setTimeout(() => setTimeUp(true), Math.max(0, left));
    return () => clearTimeout(timeout);
  }, [verification]);

  const expired = Boolean(verification && (verification.expired || timeUp));

  const value = useMemo<CallState>(
    () => ({
      accountId,
      verification,
      expired,
      loading,
      loadError,
      async start(callReference: string) {
        const state = await dataProvider.startVerification(accountId, callReference);
        setCallReference(state.callReference);
        setTimeUp(false);
        setVerification(state);
        setVerificationId(state.id);
      },
      async refresh() {
        if (!verificationId) return;
        setLoading(true);
        await load(verificationId);
      },
      forget() {
        setVerificationId(null);
        setVerification(null);
      },
      lastCode,
      setLastCode,
      // An ended call shows no unmasked data.
      unmasked: expired ? null : unmasked,
      setUnmasked,
      timelineVersion,
      touchTimeline: () => setTimelineVersion((version) => version + 1),
    }),
    [
      accountId,
      verification,
      expired,
      loading,
      loadError,
      dataProvider,
      setCallReference,
      setVerificationId,
      verificationId,
      load,
      lastCode,
      unmasked,
      timelineVersion,
    ],
  );

  return <CallContext.Provider value={value}>{children}</CallContext.Provider>;
};
