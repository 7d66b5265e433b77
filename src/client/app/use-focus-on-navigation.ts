import { useEffect, useRef } from 'react';
import { useLocation } from 'wouter';

/**
 * After an in-app navigation (not the first render) the focus moves to the main region, so
 * keyboard and screen-reader users start on the new screen instead of a removed link.
 * `onMount` also does it on the first render (right after signing in, the form is gone).
 */
export const useFocusOnNavigation = (onMount: boolean): void => {
  const [location] = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      if (!onMount) return;
    }
    // Leave it alone if a screen already put the focus somewhere on purpose (autoFocus).
    const active = document.activeElement;
    if (active && active !== document.body && document.getElementById('main')?.contains(active)) return;
    document.getElementById('main')?.focus();
  }, [location, onMount]);
};
