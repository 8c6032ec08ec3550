import { open, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { ServerResponse } from 'node:http';

// Only the kinds of file a Vite build emits; anything else is not served, so a stray file in the
// folder (a source map, a dotfile) cannot leak.
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * The console's policy: scripts, styles, images and API calls from this origin only; no inline
 * script or style, no plugins, no framing, forms nowhere. The API keeps its own `default-src 'none'`.
 */
export const CONSOLE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const CONSOLE_HEADERS: Readonly<Record<string, string>> = {
  // Revalidated on every load: a redeployed console is never mixed with a stale entry page.
  'Cache-Control': 'no-cache',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': CONSOLE_CSP,
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** True when `rawPath` is for the console rather than the API: everything outside /api. */
export function isConsolePath(rawPath: string): boolean {
  return rawPath !== '/api' && !rawPath.startsWith('/api/');
}

/**
 * The file under `root` that `rawPath` names, or undefined when the path is not one the console
 * serves: undecodable, with a backslash, NUL, an empty or dot segment (`..` and hidden files), or
 * an extension outside CONTENT_TYPES. `/` is index.html. Checked segment by segment and again after
 * resolving, so no spelling escapes `root`.
 */
export function consoleFileOf(root: string, rawPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  if (decoded === '/') decoded = '/index.html';
  if (!decoded.startsWith('/') || decoded.includes('\\') || decoded.includes('\0')) return undefined;
  // Decoded too: /api%2fv1/… must not reach a file the folder happens to hold under api/.
  if (!isConsolePath(decoded)) return undefined;
  const segments = decoded.slice(1).split('/');
  if (segments.some((segment) => segment === '' || segment.startsWith('.'))) return undefined;
  if (CONTENT_TYPES[path.extname(decoded).toLowerCase()] === undefined) return undefined;
  const base = path.resolve(root);
  const file = path.resolve(base, ...segments);
  return file.startsWith(base + path.sep) ? file : undefined;
}

/**
 * Sends the console file for `rawPath` from `root` (GET or HEAD); false when there is none, so the
 * caller answers with its usual 404. Regular files only, and a symlink must not lead out of `root`.
 */
export async function sendConsoleFile(root: string, rawPath: string, method: string, res: ServerResponse): Promise<boolean> {
  const file = consoleFileOf(root, rawPath);
  if (file === undefined) return false;
  let handle;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    if (!realFile.startsWith(realRoot + path.sep)) return false;
    handle = await open(realFile, 'r');
  } catch {
    return false;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return false;
    const body = method === 'HEAD' ? undefined : await handle.readFile();
    for (const [name, value] of Object.entries(CONSOLE_HEADERS)) res.setHeader(name, value);
    res.setHeader('Content-Type', CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
    res.setHeader('Content-Length', String(stat.size));
    res.statusCode = 200;
    res.end(body);
    return true;
  } finally {
    await handle.close();
  }
}
