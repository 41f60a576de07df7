import { useEffect, useRef } from 'react';

/** The element keyboard users land on: the page's content (AppLayout's main). */
export const CONTENT_ID = 'contenido';

/** How long a new page may take to show its heading (it may wait for its data, on a slow machine). */
const HEADING_WAIT_MS = 30_000;

let headingFocusRequested = false;

/** Asks the next page shown to take focus on its heading (signing in calls it before going on). */
export function requestHeadingFocus(): void {
  headingFocusRequested = true;
}

/**
 * After a navigation, moves focus to the new page's main heading, so keyboard and screen-reader
 * users start reading the page instead of the browser's top (focus would otherwise stay on a
 * menu link or fall to the body). Focus a person placed inside the page (a tab, a field) stays.
 * On the first page only when asked (`requestHeadingFocus`, after signing in): on a page load Tab
 * must reach the skip link first.
 */
export function useHeadingFocusOnNavigation(pathname: string): void {
  const first = useRef(true);
  useEffect(() => {
    const initial = first.current;
    first.current = false;
    // The request stays until a heading takes focus: the layout may mount twice on the way.
    if (initial && !headingFocusRequested) return;
    const deadline = performance.now() + HEADING_WAIT_MS;
    let frame = 0;
    const tryFocus = () => {
      const main = document.getElementById(CONTENT_ID);
      const heading = main?.querySelector<HTMLElement>('h1');
      if (main && heading) {
        const active = document.activeElement;
        const focusLost = !active || active === document.body || !main.contains(active);
        if (focusLost) {
          heading.tabIndex = -1;
          heading.focus();
        }
        headingFocusRequested = false;
        return;
      }
      if (performance.now() < deadline) frame = requestAnimationFrame(tryFocus);
    };
    frame = requestAnimationFrame(tryFocus);
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
}

/**
 * Returns focus to what opened a dialog when the dialog goes away. Mantine's modals do it when
 * `opened` turns false, but most of ours are removed instead (`{selected && <Modal opened …>}`),
 * and then focus fell to the page's body: a keyboard user had to start again from the top.
 * Watches the dialogs Mantine portals into the body; returns a function that stops watching.
 */
export function returnFocusAfterDialogs(doc: Document = document): () => void {
  let trigger: HTMLElement | null = null;
  let dialogOpen = false;
  const onFocusIn = (event: FocusEvent) => {
    const target = event.target;
    // What had focus when a dialog opened is what opened it.
    if (
      !dialogOpen &&
      target instanceof HTMLElement &&
      target !== doc.body &&
      !target.closest('[role="dialog"]')
    )
      trigger = target;
  };
  const observer = new MutationObserver(() => {
    const open = Boolean(doc.querySelector('[role="dialog"]'));
    if (dialogOpen && !open) {
      const active = doc.activeElement;
      if ((!active || active === doc.body) && trigger?.isConnected) trigger.focus();
    }
    dialogOpen = open;
  });
  doc.addEventListener('focusin', onFocusIn);
  observer.observe(doc.body, { childList: true, subtree: true });
  return () => {
    doc.removeEventListener('focusin', onFocusIn);
    observer.disconnect();
  };
}
