import {
  type ReactNode,
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
} from 'react';
import { VisuallyHidden } from '../VisuallyHidden';

const AnnounceContext = createContext<(message: string) => void>(() => {});

/**
 * The one polite status region of a surface (the tab; an open dialog, which hides the page from
 * assistive technology, has its own). Progress, approvals and cancellations are announced here,
 * rather than by many live regions that speak over each other on every refresh.
 */
export const Announcer = ({ children }: { children: ReactNode }) => {
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  const announce = useCallback((next: string) => {
    // Emptied first, so the same sentence twice in a row is read twice.
    setMessage('');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(next), 100);
  }, []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div role="status" aria-live="polite" aria-atomic="true">
        <VisuallyHidden>{message}</VisuallyHidden>
      </div>
    </AnnounceContext.Provider>
  );
};

/** Says something through the nearest {@link Announcer}. */
export function useAnnounce(): (message: string) => void {
  return useContext(AnnounceContext);
}
