import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';

/** Navigation state that carries a one-off success message to the next page. */
export interface FlashState {
  flash: string;
}

/**
 * The success message passed by the page that saved something. It is shown once: the
 * history entry is cleared, so reloading or coming back does not show it again.
 */
export function useFlash(): string | undefined {
  const location = useLocation();
  const navigate = useNavigate();
  const [flash] = useState(() => {
    const value = (location.state as Partial<FlashState> | null)?.flash;
    return typeof value === 'string' ? value : undefined;
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: only once, on arrival
  useEffect(() => {
    if (flash) navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
  }, []);
  return flash;
}
