/** Where the queue's search matched in the open letter, as the library's full-text index found it. */
import { useEffect, useState } from 'react';
import type { Span } from '../../../shared/letter.ts';
import { api } from '../api/client.ts';

const NONE: readonly Span[] = [];

export function useSearchMarks(letterId: number | null, search: string | null): readonly Span[] {
  const [marks, setMarks] = useState<{ readonly key: string; readonly spans: readonly Span[] } | null>(null);
  const key = JSON.stringify([letterId, search]);
  useEffect(() => {
    if (letterId === null || !search) return;
    let live = true;
    api.searchMarks(letterId, search).then(
      (spans) => live && setMarks({ key, spans }),
      () => live && setMarks({ key, spans: NONE }),
    );
    return () => {
      live = false;
    };
  }, [letterId, search, key]);
  return marks?.key === key ? marks.spans : NONE;
}
