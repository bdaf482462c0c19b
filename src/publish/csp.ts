/**
 * The Content-Security-Policy of every page, delivered as <meta http-equiv> so that it holds
 * on any static host (docs/deploy.md lists the header a host should add where it can).
 *
 * Everything comes from the site itself. Scripts: our files, plus the one inline pre-paint
 * script allowed by its hash, plus 'wasm-unsafe-eval' because Pagefind compiles its
 * WebAssembly search engine (it allows WebAssembly compilation and nothing else: no eval,
 * no new Function). Styles: our stylesheet files only (astro.config: inlineStylesheets
 * 'never'; no style attributes in markup — scripts set styles through the CSSOM, which CSP
 * does not restrict). frame-ancestors cannot be set from a meta tag; it is in the header.
 */
import { createHash } from 'node:crypto';
import { DISPLAY_SCRIPT } from '../site/display-script.ts';

/** `'sha256-…'` source expression for an inline script's exact text. */
export const scriptHash = (source: string): string => `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;

/** Directive name → allowed sources, in the order they are written. */
export function cspDirectives(inlineScripts: readonly string[]): [string, string[]][] {
  return [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...inlineScripts.map(scriptHash), "'wasm-unsafe-eval'"]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
  ];
}

export const formatPolicy = (directives: [string, string[]][]): string => directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');

/** The policy every page carries in its <meta http-equiv="Content-Security-Policy">. */
export const PAGE_POLICY = formatPolicy(cspDirectives([DISPLAY_SCRIPT]));

/**
 * The same policy as an HTTP header, for hosts that can send one (public/_headers,
 * docs/deploy.md): a header can also forbid framing, which a meta tag cannot.
 */
export const HEADER_POLICY = `${PAGE_POLICY}; frame-ancestors 'none'`;
