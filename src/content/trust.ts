/**
 * Only the reader starts things. A page's scripts share the DOM with the content script and can dispatch any
 * event they like (`element.click()`, `dispatchEvent(new MouseEvent('click', { clientX, clientY }))`, a
 * synthetic Enter or Escape): such events reach the content script's listeners just as the reader's do. What
 * tells them apart is `isTrusted`, which only the browser sets, for input that came from the user (or from
 * the browser's own activation of a focused control by a key). So every listener whose action matters (open a
 * card, press one of its buttons, start or cancel a check, which may open the consent window) goes through
 * `trustedOnly`; the rest of the page's events are left alone, never prevented.
 */

/** Whether an event came from the reader's own input, not from a script. */
export function isReaderEvent(event: Event): boolean {
  return event.isTrusted === true;
}

/** Wraps a listener so that events a script dispatched are ignored (and not stopped either: not ours). */
export function trustedOnly<E extends Event>(listener: (event: E) => void): (event: E) => void {
  return (event: E) => {
    if (isReaderEvent(event)) listener(event);
  };
}
