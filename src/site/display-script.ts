/**
 * The one inline script of every page (DisplayScript.astro renders it in <head>). It must
 * run before the first paint, so a reader who chose 大字 or 高对比度 never sees the page
 * flash in the default style; a file would arrive too late. The Content-Security-Policy
 * allows it by the hash of exactly this text (src/publish/csp.ts), so it is kept here, as
 * one string, and rendered byte for byte.
 */
export const DISPLAY_SCRIPT =
  "(function(d){d.classList.add('js');try{if(localStorage.getItem('display-text')==='large')d.setAttribute('data-text','large');if(localStorage.getItem('display-contrast')==='high')d.setAttribute('data-contrast','high')}catch(e){}})(document.documentElement);";
