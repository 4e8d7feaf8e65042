/** Which source view the reviewer works in: kept across letters and restarts, as a reviewer settles into one. */
import { useEffect, useState } from 'react';
import type { Dispatch, SetStateAction } from 'react';
import type { SourceView } from '../components/SourceArea.tsx';
import { SOURCE_VIEWS } from '../components/SourceArea.tsx';

const STORAGE_KEY = 'imr-source-view';

export function nextSourceView(view: SourceView): SourceView {
  return SOURCE_VIEWS[(SOURCE_VIEWS.indexOf(view) + 1) % SOURCE_VIEWS.length] as SourceView;
}

export function useSourceView(): [SourceView, Dispatch<SetStateAction<SourceView>>] {
  const [view, setView] = useState<SourceView>(() => {
    const stored = localStorage.getItem(STORAGE_KEY);
    return SOURCE_VIEWS.find((candidate) => candidate === stored) ?? 'text';
  });
  useEffect(() => localStorage.setItem(STORAGE_KEY, view), [view]);
  return [view, setView];
}
