/**
 * WCAG 2.2 reflow as a page check: no horizontal scrolling, and every control a person can
 * operate is reachable: inside the window once scrolled to, and not covered by anything else
 * (with a modal dialog open, every control of the dialog).
 * Runs in the page (page.evaluate).
 */
import type { Page } from '@playwright/test';

/** How far the page scrolls sideways, in CSS pixels; 0 when it does not. */
export function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = document.scrollingElement!;
    return Math.max(0, root.scrollWidth - root.clientWidth);
  });
}

/** Each visible button, input, select and textarea that, scrolled into view, is outside the window or under another element. */
export function unreachableControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const describe = (el: Element) => {
      const name = el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 40);
      return `${el.tagName.toLowerCase()}${el.classList.length ? `.${[...el.classList].join('.')}` : ''} "${name}"`;
    };
    const found: string[] = [];
    // With a modal dialog open, what is behind it is meant to be covered: the dialog's own controls count.
    const scope = document.querySelector('[aria-modal="true"]') ?? document;
    const controls = [...scope.querySelectorAll<HTMLElement>('button, input, select, textarea')];
    for (const el of controls) {
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      // Not rendered, or screen-reader-only: nothing a sighted person is meant to reach.
      if (style.display === 'none' || style.visibility === 'hidden' || el.closest('[hidden]') || (box.width <= 1 && box.height <= 1)) continue;
      el.scrollIntoView({ block: 'center', inline: 'center' });
      const rect = el.getBoundingClientRect();
      const inside = rect.left >= -0.5 && rect.top >= -0.5 && rect.right <= innerWidth + 0.5 && rect.bottom <= innerHeight + 0.5;
      if (!inside) {
        found.push(`${describe(el)} outside the window at ${Math.round(rect.left)},${Math.round(rect.top)} ${Math.round(rect.width)}×${Math.round(rect.height)}`);
        continue;
      }
      // Cut by a pane that scrolls or hides overflow: a 40 px strip of card is not a card one can use.
      let visible = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
      for (let a = el.parentElement; a; a = a.parentElement) {
        if (getComputedStyle(a).overflow === 'visible') continue;
        const r = a.getBoundingClientRect();
        visible = { left: Math.max(visible.left, r.left), top: Math.max(visible.top, r.top), right: Math.min(visible.right, r.right), bottom: Math.min(visible.bottom, r.bottom) };
      }
      if (rect.left < visible.left - 0.5 || rect.top < visible.top - 0.5 || rect.right > visible.right + 0.5 || rect.bottom > visible.bottom + 0.5) {
        found.push(`${describe(el)} cut to ${Math.round(Math.max(0, visible.bottom - visible.top))} px high by a pane that scrolls`);
        continue;
      }
      const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
      const label = hit?.closest('label');
      if (hit && (el.contains(hit) || (label && label.contains(el)))) continue;
      found.push(`${describe(el)} covered by ${hit ? describe(hit) : 'nothing'}`);
    }
    window.scrollTo(0, 0);
    return found;
  });
}
