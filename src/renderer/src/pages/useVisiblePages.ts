/** Which pages are in view of the scroller (with half a screen to spare), and the screen's pixel ratio. */
import { useEffect, useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

export function useVisiblePages(scroller: RefObject<HTMLElement | null>, pageCount: number, scale: number): ReadonlySet<number> {
  const [visible, setVisible] = useState<ReadonlySet<number>>(new Set());
  // The pages in view at first are known before the first paint; the observer's first report comes a frame later.
  useLayoutEffect(() => {
    const root = scroller.current;
    if (!root || pageCount === 0) return;
    const [from, to] = [root.scrollTop - root.clientHeight / 2, root.scrollTop + root.clientHeight * 1.5];
    const pages = [...root.querySelectorAll<HTMLElement>('[data-page]')];
    setVisible(new Set(pages.filter((page) => page.offsetTop < to && page.offsetTop + page.offsetHeight > from).map((page) => Number(page.dataset['page']))));
  }, [scroller, pageCount, scale]);
  useEffect(() => {
    const root = scroller.current;
    if (!root || pageCount === 0) return;
    const shown = new Set<number>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const page = Number((entry.target as HTMLElement).dataset['page']);
          if (entry.isIntersecting) shown.add(page);
          else shown.delete(page);
        }
        setVisible(new Set(shown));
      },
      { root, rootMargin: '50% 0px' },
    );
    for (const page of root.querySelectorAll('[data-page]')) observer.observe(page);
    return () => observer.disconnect();
  }, [scroller, pageCount]);
  return visible;
}

/** window.devicePixelRatio, followed as it changes (browser zoom, another screen). */
export function usePixelRatio(): number {
  const [ratio, setRatio] = useState(() => window.devicePixelRatio || 1);
  useEffect(() => {
    const query = window.matchMedia(`(resolution: ${ratio}dppx)`);
    const update = () => setRatio(window.devicePixelRatio || 1);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, [ratio]);
  return ratio;
}
