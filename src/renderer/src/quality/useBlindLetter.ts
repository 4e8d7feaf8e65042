/** The open letter as a blind pass shows it: 'loading' until the pass answers, null when the letter is not in it. */
import { useEffect, useState } from 'react';
import type { BlindLetter } from '../../../shared/quality.ts';
import { api } from '../api/client.ts';

export type BlindLetterState = BlindLetter | null | 'loading';

export function useBlindLetter(passId: number | null, letterId: number | null, onError: (problem: unknown) => void): BlindLetterState {
  const [state, setState] = useState<{ key: string; blind: BlindLetter | null } | null>(null);
  const key = `${passId}:${letterId}`;
  useEffect(() => {
    if (passId === null || letterId === null) return;
    let current = true;
    api.getBlindLetter(passId, letterId).then((blind) => current && setState({ key, blind }), onError);
    return () => {
      current = false;
    };
  }, [passId, letterId, key, onError]);
  // An answer for another letter is never shown: the letter's values must not flash up meanwhile.
  return state?.key === key ? state.blind : 'loading';
}
