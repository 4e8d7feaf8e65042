/** The API over the loopback bridge: POST /api with the call, and the token from the page's URL fragment. */
import type { ApiResponse, ApiTransport } from '../../../shared/api.ts';

const TOKEN_KEY = 'imr-token';

/** The bridge hands the token in the fragment; keep it for reloads, then clear it from the address bar. */
function bridgeToken(): string {
  const fromUrl = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function createHttpTransport(): ApiTransport {
  const token = bridgeToken();
  return {
    async call(request) {
      const response = await fetch('/api', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-imr-token': token },
        body: JSON.stringify(request),
      });
      if (response.headers.get('content-type')?.includes('application/json')) return (await response.json()) as ApiResponse<unknown>;
      return { ok: false, error: { code: 'internal', message: `The bridge answered ${response.status}` } };
    },
  };
}
