import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

/**
 * The height that takes an element from where it starts to the bottom of the window, so the
 * inbox and the open item scroll on their own under the page header, whatever its height.
 */
export function useFillViewport(ref: RefObject<HTMLElement | null>): number | undefined {
  const [height, setHeight] = useState<number>();
  useLayoutEffect(() => {
    const measure = () => {
      const top = ref.current?.getBoundingClientRect().top;
      if (top !== undefined) setHeight(Math.max(320, window.innerHeight - top - window.scrollY));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [ref]);
  return height;
}
