/**
 * Finds text a person cannot read in full on the page as laid out now: text that runs out
 * of its box, is cut by an ancestor that hides overflow, runs off the side of the window,
 * or does not fit the select or input that shows it. Runs in the page (page.evaluate).
 */
import type { Page } from '@playwright/test';

export interface ClippedText {
  text: string;
  /** Where: the element's tag and class, and how it is cut. */
  where: string;
}

export function clippedTextOn(page: Page): Promise<ClippedText[]> {
  return page.evaluate(() => {
    const found: { text: string; where: string }[] = [];
    const SLACK = 1;
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
    /** Screen-reader-only text (1 px boxes) and hidden elements are not read on screen. */
    const shown = (el: Element) => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const rect = e.getBoundingClientRect();
        const style = getComputedStyle(e);
        if (style.display === 'none' || style.visibility === 'hidden' || rect.width <= 1 || rect.height <= 1) return false;
      }
      return true;
    };
    const canvas = document.createElement('canvas').getContext('2d')!;
    const textWidth = (text: string, el: Element) => {
      canvas.font = getComputedStyle(el).font;
      return canvas.measureText(text).width;
    };

    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('select, option, script, style') || !shown(parent)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const r = range.getBoundingClientRect();
      if (r.width === 0) continue;
      let box: Element = parent;
      while (box.parentElement && getComputedStyle(box).display === 'inline') box = box.parentElement;
      const b = box.getBoundingClientRect();
      if (r.right > b.right + SLACK || r.left < b.left - SLACK) found.push({ text, where: `${describe(box)}: runs out of its box` });
      else if (r.right > window.innerWidth + SLACK) found.push({ text, where: `${describe(box)}: off the right of the window` });
      for (let a: Element | null = parent; a && a !== document.body; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const ar = a.getBoundingClientRect();
        const cutX = (style.overflowX === 'hidden' || style.overflowX === 'clip') && (r.right > ar.right + SLACK || r.left < ar.left - SLACK);
        const cutY = (style.overflowY === 'hidden' || style.overflowY === 'clip') && (r.bottom > ar.bottom + SLACK || r.top < ar.top - SLACK);
        if (cutX || cutY) {
          found.push({ text, where: `${describe(a)}: hides its overflow` });
          break;
        }
      }
    }

    for (const el of document.querySelectorAll('select, input')) {
      if (!shown(el)) continue;
      const control = el as HTMLSelectElement | HTMLInputElement;
      const style = getComputedStyle(control);
      const room = control.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (control instanceof HTMLSelectElement) {
        const text = control.selectedOptions[0]?.text ?? '';
        // The drop-down arrow takes about 20 px of the content box.
        if (text && textWidth(text, control) > room - 20) found.push({ text, where: `${describe(control)}: wider than the select` });
      } else if (control.placeholder && control.value === '' && textWidth(control.placeholder, control) > room) {
        found.push({ text: control.placeholder, where: `${describe(control)}: placeholder wider than the input` });
      }
    }
    return found;
  });
}
