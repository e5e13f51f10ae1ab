import { useEffect } from 'react';

/** Sets the browser tab title to "<title> · Learning City Studio" (just the app name when empty). */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Learning City Studio` : 'Learning City Studio';
  }, [title]);
}
