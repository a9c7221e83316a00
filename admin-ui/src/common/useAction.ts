import { useState } from 'react';
import { apiErrorOf } from '../providers/http';

type Problem = ReturnType<typeof apiErrorOf>;

/**
 * One server action behind a button or a form: `pending` while it runs, then the refusal to show (the server's
 * translated message, or what `explain` picks from the problem, e.g. a field's error).
 */
export function useAction() {
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const run = async (action: () => Promise<void>, explain?: (problem: Problem) => string | void) => {
    setPending(true);
    setRefusal(null);
    try {
      await action();
    } catch (error) {
      const problem = apiErrorOf(error);
      setRefusal(explain?.(problem) ?? problem.message);
    } finally {
      setPending(false);
    }
  };
  return { pending, refusal, run };
}
