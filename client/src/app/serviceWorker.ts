/**
 * The service worker (built by vite-plugin-pwa, see vite.config.ts) keeps the app shell on this
 * device so a reload while the server is down still opens the app. This module registers it and
 * tells the page when a new deployment's worker took over while this page still runs older code.
 */

/** How often an open tab asks the server whether a new deployment is out (ms). */
const updateCheckMs = 30 * 60_000;
/** Set for the one automatic reload after a lazily loaded part of an older deployment is gone. */
const reloadedForStaleChunkKey = 'lcs-reloaded-for-stale-chunk';

let outdated = false;
const listeners = new Set<() => void>();

function markOutdated(): void {
  if (outdated) return;
  outdated = true;
  for (const listener of listeners) listener();
}

/** Subscribes to {@link isAppOutdated} (for useSyncExternalStore). */
export function subscribeToAppUpdate(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A newer deployment is installed and this page runs older code: a reload picks it up. */
export function isAppOutdated(): boolean {
  return outdated;
}

/** The hashed entry script this page runs, e.g. `/assets/index-BCgjPnBV.js`. */
function entryScript(html: Document | string): string | null {
  if (typeof html === 'string') return /<script[^>]+type="module"[^>]+src="([^"]+)"/.exec(html)?.[1] ?? null;
  const src = html.querySelector<HTMLScriptElement>('script[type="module"][src]')?.getAttribute('src');
  return src ?? null;
}

/**
 * A new worker took control. Navigations always go to the network first, so a page loaded online
 * usually runs the new code already; it is outdated only if the shell the new worker keeps starts
 * another entry script than this page's.
 */
async function checkAgainstInstalledShell(): Promise<void> {
  try {
    const response = await fetch('/index.html', { cache: 'no-store' });
    const installed = entryScript(await response.text());
    if (installed !== null && installed !== entryScript(document)) markOutdated();
  } catch {
    markOutdated();
  }
}

/**
 * Registers the service worker, in production builds only (main.tsx checks): under `vite dev` a
 * worker would serve stale modules. A new deployment's worker activates at once (skipWaiting,
 * clientsClaim); a tab still running the old code is told to reload (see AppUpdateNotice), and a
 * route whose code of the old deployment is gone reloads the page once by itself.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const { serviceWorker } = navigator;
  // The first worker claiming a page that had none is an install, not an update.
  let hadController = serviceWorker.controller !== null;
  serviceWorker.addEventListener('controllerchange', () => {
    if (hadController) void checkAgainstInstalledShell();
    hadController = true;
  });

  window.addEventListener('vite:preloadError', (event) => {
    if (sessionStorage.getItem(reloadedForStaleChunkKey)) return;
    sessionStorage.setItem(reloadedForStaleChunkKey, '1');
    event.preventDefault();
    window.location.reload();
  });

  const register = () => {
    serviceWorker.register('/sw.js', { scope: '/' }).then(
      (registration) => {
        sessionStorage.removeItem(reloadedForStaleChunkKey);
        setInterval(() => void registration.update().catch(() => {}), updateCheckMs);
      },
      () => {
        // No worker (e.g. a browser setting): the app works online as before, just not offline.
      },
    );
  };
  // After the page's own loading, so caching the shell never competes with it.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
