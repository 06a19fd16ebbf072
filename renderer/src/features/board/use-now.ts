import { useEffect, useState } from 'react';

/** The time, once a second: waits and times in state tick on screen without a message from the hub. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
