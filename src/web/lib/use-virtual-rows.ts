import { useEffect, useState, type RefObject } from 'react';

export type VirtualWindow = {
  /** First row to render (inclusive) and the row after the last. */
  start: number;
  end: number;
  /** Space the rows before `start` and after `end` would take, in px. */
  before: number;
  after: number;
};

/** Rows rendered beyond each edge of the view, so a quick scroll shows no blank. */
const OVERSCAN = 8;

/** The rows of a fixed-height list that are in view. Pure: the hook and tests share it. */
export function virtualWindow(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewHeight: number,
): VirtualWindow {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const visible = Math.ceil(Math.max(viewHeight, rowHeight) / rowHeight);
  const start = Math.min(first, count);
  const end = Math.min(count, first + visible + 2 * OVERSCAN);
  return { start, end, before: start * rowHeight, after: (count - end) * rowHeight };
}

/**
 * Which of `count` rows of `rowHeight` px the scroll container shows. Only those are put in
 * the DOM: ten thousand workflows cost what thirty do. Re-reads on scroll and resize.
 */
export function useVirtualRows(
  container: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
): VirtualWindow {
  const [view, setView] = useState({ scrollTop: 0, height: 0 });
  useEffect(() => {
    const element = container.current;
    if (element === null) return undefined;
    const measure = () => {
      setView((last) =>
        last.scrollTop === element.scrollTop && last.height === element.clientHeight
          ? last
          : { scrollTop: element.scrollTop, height: element.clientHeight },
      );
    };
    element.addEventListener('scroll', measure, { passive: true });
    // A ResizeObserver reports once as soon as it observes: that is the first measure.
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', measure);
      observer.disconnect();
    };
  }, [container]);
  return virtualWindow(count, rowHeight, view.scrollTop, view.height);
}
