// Layout/keyboard checks axe-core can't do (it doesn't scroll, tab or measure).
// Functions passed to page.evaluate() run in the browser: they must not
// reference anything from this module, so helpers are duplicated inside them.
import type { Page } from 'playwright-core';

/** WCAG 1.4.10 Reflow: no horizontal scrolling (test at 320–360 px wide or
 * 1280 px at 400 % zoom). `offenders` lists elements sticking out on the right,
 * to make a failure message actionable. */
export async function noHorizontalScroll(page: Page): Promise<{
  scrollWidth: number;
  clientWidth: number;
  ok: boolean;
  offenders: string[];
}> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const clientWidth = root.clientWidth;
    const scrollWidth = root.scrollWidth;
    const offenders: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > clientWidth + 1 && offenders.length < 10) {
        const id = el.id ? `#${el.id}` : '';
        const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '';
        offenders.push(`${el.tagName.toLowerCase()}${id}${cls} (right edge ${Math.round(r.right)}px)`);
      }
    }
    return { scrollWidth, clientWidth, ok: scrollWidth <= clientWidth, offenders };
  });
}

export interface FocusedElement {
  tag: string;
  id: string;
  text: string;
  ariaLabel: string | null;
  role: string | null;
  href: string | null;
  /** Whether :focus-visible matches (WCAG 2.4.7 needs a visible indicator). */
  focusVisible: boolean;
}

/** Press Tab up to maxTabs times, recording document.activeElement after each
 * press. Stops early when focus leaves the page or wraps to the first element.
 * Starts from the current focus, so call it right after page.goto(). */
export async function focusOrder(page: Page, maxTabs = 50): Promise<FocusedElement[]> {
  const order: FocusedElement[] = [];
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate((first) => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement; // web components
      if (!el || el === document.body || el === document.documentElement) return 'left-page';
      const w = window as any;
      if (first) w.__focusOrderFirst = el;
      else if (w.__focusOrderFirst === el) return 'wrapped';
      const text = ((el as HTMLElement).innerText ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
      return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        text: text.slice(0, 80),
        ariaLabel: el.getAttribute('aria-label'),
        role: el.getAttribute('role'),
        href: el.getAttribute('href'),
        focusVisible: el.matches(':focus-visible'),
      };
    }, i === 0);
    if (typeof info === 'string') break;
    order.push(info);
  }
  return order;
}

export interface SmallTarget {
  tag: string;
  id: string;
  text: string;
  width: number;
  height: number;
}

/** Visible interactive elements (a[href], button, input, select, summary)
 * inside `selector` that are smaller than min×min CSS px. The default 44 is
 * WCAG 2.5.5 (AAA); pass 24 for the AA minimum of 2.5.8. Links inside running
 * text (inline inside a <p>) are skipped, per the 2.5.8 "inline" exception. */
export async function minTargetSize(page: Page, selector = 'body', min = 44): Promise<SmallTarget[]> {
  return page.evaluate(
    ({ selector, min }) => {
      const small: SmallTarget[] = [];
      const scopes = Array.from(document.querySelectorAll(selector));
      const els = new Set(scopes.flatMap((s) => Array.from(s.querySelectorAll('a[href], button, input, select, summary'))));
      for (const el of els) {
        if (el instanceof HTMLInputElement && el.type === 'hidden') continue;
        if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true } as any)) continue;
        const style = getComputedStyle(el);
        if (el.tagName === 'A' && style.display === 'inline' && el.closest('p')) continue;
        const r = el.getBoundingClientRect();
        // Visually hidden (e.g. sr-only skip link until focused): not a pointer target.
        if (r.width <= 1 || r.height <= 1) continue;
        if (r.width < min || r.height < min) {
          const text = ((el as HTMLElement).innerText || el.getAttribute('aria-label') || (el as HTMLInputElement).value || '').trim();
          small.push({
            tag: el.tagName.toLowerCase(),
            id: el.id,
            text: text.replace(/\s+/g, ' ').slice(0, 60),
            width: Math.round(r.width * 10) / 10,
            height: Math.round(r.height * 10) / 10,
          });
        }
      }
      return small;
    },
    { selector, min },
  );
}
