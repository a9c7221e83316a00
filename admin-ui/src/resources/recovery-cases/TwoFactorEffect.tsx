import { useGetOne, useTranslate } from 'react-admin';
import type { AccountDetail } from '../accounts/types';
import type { RecoveryCase } from './types';

/** A 2FA disablement: which methods go and which stay, by the account's current list (masked labels). */
export const TwoFactorEffect = ({ record }: { record: RecoveryCase }) => {
  const translate = useTranslate();
  const { data: account } = useGetOne<AccountDetail>('accounts', { id: record.accountId });
  const methods = account?.twoFactorMethods ?? [];
  const name = (m: { kind: string; label: string }) => `${translate(`rd.accounts.two_factor.kind.${m.kind}`, { _: m.kind })} “${m.label}”`;
  const ids = record.twoFactorMethodIds;
  const removed = ids ? methods.filter((m) => ids.includes(m.id)) : methods;
  const kept = ids ? methods.filter((m) => !ids.includes(m.id)) : [];
  const gone = ids ? ids.length - removed.length : 0;
  const list = [
    ...(ids ? removed.map(name) : [translate('recovery.show.effect.all_methods')]),
    ...(gone > 0 ? [translate('recovery.show.effect.methods_gone', { smart_count: gone })] : []),
  ];
  return (
    <>
      {translate('recovery.show.effect.disable_2fa', {
        methods: list.join(', ') || translate('recovery.show.none'),
        kept: kept.map(name).join(', ') || translate('recovery.show.none'),
      })}
    </>
  );
};
