import { useEffect, useRef, useState } from 'react';

/**
 * How many items of a long list to render: one page at first, one more each time a sentinel
 * after the last rendered item comes near the viewport. A new list starts again at one page, so
 * typing a search renders at most one page of rows; the rows themselves use content-visibility.
 */
export function useProgressiveCount<T>(items: readonly T[], pageSize: number) {
  const [state, setState] = useState({ items, count: pageSize });
  // Derived state on purpose: resetting during render avoids painting the old count once.
  const current = state.items === items ? state : { items, count: pageSize };
  if (current !== state) setState(current);

  const sentinelRef = useRef<HTMLDivElement>(null);
  const hasMore = current.count < items.length;

  useEffect(() => {
    const sentinel = sentinelRef.current;
    if (!sentinel || !hasMore) return;
    const observer = new IntersectionObserver(
      (records) => {
        if (records.some((record) => record.isIntersecting)) {
          setState((previous) => (previous.items === items ? { items, count: previous.count + pageSize } : previous));
        }
      },
      { rootMargin: '800px 0px' },
    );
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [items, hasMore, pageSize, current.count]);

  return { visibleCount: Math.min(current.count, items.length), hasMore, sentinelRef };
}
