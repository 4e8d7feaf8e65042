/**
 * The renderer's Content-Security-Policy, sent as a header by the desktop app's app:// protocol
 * and by the loopback bridge. It closes what the page's own <meta> policy cannot: no plug-ins,
 * no <base> rewriting, no form posts, no framing, nothing not listed. Inline styles stay allowed
 * (React's style attributes); scripts only from the app's own files, never eval.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
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
