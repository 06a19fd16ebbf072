/**
 * The renderer's Content-Security-Policy, for every listener that serves its pages (the
 * desk's browser host, the hub's /board/). renderer/index.html carries the same policy
 * in a meta element for Electron's file:// load; a header is sent too because only a
 * header covers frame-ancestors, which keeps the page out of another site's frame.
 */
export const RENDERER_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
