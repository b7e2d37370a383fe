// The Content-Security-Policy, in one place: the <meta> tag in every page
// (src/layouts/Base.astro) and the _headers file the build writes for hosts
// that read one. Plain JS so the build script can import it too.
import { createHash } from 'node:crypto';

/**
 * Runs inline in <head>, before the first paint: applies the reader's chosen
 * theme, and marks the page as scripted (`js`) so styles for what the scripts
 * will add (margin notes instead of endnotes) apply from the start.
 */
export const THEME_SCRIPT =
  "var d=document.documentElement;d.classList.add('js');try{var t=localStorage.getItem('theme');if(t==='light'||t==='dark')d.dataset.theme=t}catch(e){}";

const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

const DIRECTIVES = [
  "default-src 'self'",
  // Our scripts are files; the one inline script is allowed by its hash.
  // Pagefind's search runs as WebAssembly, which needs wasm-unsafe-eval (never unsafe-eval).
  `script-src 'self' ${sha256(THEME_SCRIPT)} 'wasm-unsafe-eval'`,
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** For the <meta> tag (which cannot carry frame-ancestors). */
export const CSP_META = DIRECTIVES.join('; ');

/** Netlify/Cloudflare-style `_headers`: the same policy as real headers, and a few more. */
export const HEADERS_FILE = `/*
  Content-Security-Policy: ${[...DIRECTIVES, "frame-ancestors 'none'"].join('; ')}
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin
  Permissions-Policy: camera=(), microphone=(), geolocation=()
`;
