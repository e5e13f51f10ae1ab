import { COLLAB_PATH } from '@lcs/shared';

/**
 * The base URL handed to y-websocket's `WebsocketProvider`, which appends `/<documentId>`.
 * Same origin as the page: in production the sync server serves the client, in development Vite
 * proxies `/collab` to it.
 */
export function collabServerUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${COLLAB_PATH}`;
}
