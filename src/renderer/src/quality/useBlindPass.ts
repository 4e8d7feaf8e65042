/**
 * Blind mode: on while the queue shows a blind pass's letters not entered yet. The open letter's
 * values are hidden; an entry is submitted, its result said, and the pass's next letter opened.
 */
import { useCallback, useState } from 'react';
import type { QueueFilter, QueueSort } from '../../../shared/api.ts';
import type { BlindLetter, BlindValues } from '../../../shared/quality.ts';
import { api } from '../api/client.ts';
import { describeBlindResult } from './qualityFormat.ts';
import type { BlindLetterState } from './useBlindLetter.ts';
import { useBlindLetter } from './useBlindLetter.ts';

export interface BlindPassContext {
  readonly filter: QueueFilter;
  readonly sort: QueueSort;
  readonly letterId: number | null;
  readonly openLetter: (letterId: number) => Promise<void>;
  readonly closeLetter: () => void;
  readonly reloadQueue: () => void;
  readonly say: (message: string) => void;
  readonly fail: (problem: unknown) => void;
}

export interface BlindPassState {
  /** The pass whose letters the queue shows; null outside blind mode. */
  readonly passId: number | null;
  readonly letter: BlindLetterState;
  /** The last entry's result, shown over the next letter. */
  readonly lastResult: string | null;
  readonly submit: (blind: BlindLetter, values: BlindValues) => Promise<void>;
}

export function useBlindPass({ filter, sort, letterId, openLetter, closeLetter, reloadQueue, say, fail }: BlindPassContext): BlindPassState {
  const passId = filter.blindPassId ?? null;
  const letter = useBlindLetter(passId, letterId, fail);
  const [lastResult, setLastResult] = useState<{ passId: number; message: string } | null>(null);
  const submit = useCallback(
    async (blind: BlindLetter, values: BlindValues) => {
      const result = await api.submitBlindLetter(blind.passId, blind.letterId, values);
      const message = `${blind.label}: ${describeBlindResult(result)}`;
      setLastResult({ passId: blind.passId, message });
      reloadQueue();
      // The letter just entered has left the queue's filter; the first one left is next.
      const next = (await api.queryQueue({ ...filter, sort, offset: 0, limit: 2 })).rows.find((row) => row.id !== blind.letterId);
      if (next) {
        say(message);
        await openLetter(next.id);
      } else {
        closeLetter();
        say(`${message}. Every letter of blind pass ${blind.passId} is entered.`);
      }
    },
    [filter, sort, openLetter, closeLetter, reloadQueue, say],
  );
  // Another pass's last result says nothing about this one.
  return { passId, letter, lastResult: lastResult?.passId === passId ? lastResult.message : null, submit };
}
