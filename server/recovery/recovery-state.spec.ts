import {
  canMove,
  move,
  NEEDS_APPROVAL,
  OPEN_STATUSES,
  RECOVERY_ACTIONS,
  RECOVERY_STATUSES,
  RecoveryStatus,
  TransitionRefused,
} from './recovery-state';

/** The whole table, written out once more by hand: every pair of statuses is checked, allowed or refused. */
const ALLOWED = new Set([
  'draft>checks_passed',
  'draft>rejected',
  'draft>cancelled',
  'draft>expired',
  'checks_passed>executed',
  'checks_passed>pending_approval',
  'checks_passed>cancelled',
  'checks_passed>expired',
  'pending_approval>approved',
  'pending_approval>rejected',
  'pending_approval>cancelled',
  'pending_approval>expired',
  'approved>on_hold',
  'approved>cancelled',
  'on_hold>executed',
  'on_hold>cancelled',
]);

describe('recovery case transitions', () => {
  for (const from of RECOVERY_STATUSES) {
    for (const to of RECOVERY_STATUSES) {
      const allowed = ALLOWED.has(`${from}>${to}`);
      it(`${from} → ${to}: ${allowed ? 'allowed' : 'refused'}`, () => {
        expect(canMove(from, to)).toBe(allowed);
        if (allowed) expect(move(from, to)).toBe(to);
        else expect(() => move(from, to)).toThrow(TransitionRefused);
      });
    }
  }

  it.each(RECOVERY_ACTIONS)('sends %s through approval exactly when it needs a second person', (action) => {
    expect(canMove('checks_passed', 'executed', action)).toBe(!NEEDS_APPROVAL[action]);
    expect(canMove('checks_passed', 'pending_approval', action)).toBe(NEEDS_APPROVAL[action]);
  });

  it('only the phone swap skips the second person', () => {
    expect(RECOVERY_ACTIONS.filter((a) => !NEEDS_APPROVAL[a])).toEqual(['backup_to_primary']);
  });

  it('has no way out of a final status, and a way to cancel from every open one but the first checks', () => {
    const finals: RecoveryStatus[] = ['executed', 'rejected', 'cancelled', 'expired'];
    for (const f of finals) for (const to of RECOVERY_STATUSES) expect(canMove(f, to)).toBe(false);
    for (const open of OPEN_STATUSES) expect(canMove(open, 'cancelled')).toBe(true);
  });

  it('says which move was refused', () => {
    expect(() => move('executed', 'on_hold')).toThrow('A case that is executed cannot become on hold');
  });
});
