/**
 * The renderer's Content-Security-Policy, sent as a header by the desktop app's app:// protocol
 * and by the loopback bridge. It closes what the page's own <meta> policy cannot: no plug-ins,
 * no <base> rewriting, no form posts, no framing, nothing not listed. Inline styles stay allowed
 * (React's style attributes); scripts only from the app's own files, never eval. The page view's
 * pdf.js runs in a worker of the app's own (worker-src), and fetches its fonts from the app.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');
