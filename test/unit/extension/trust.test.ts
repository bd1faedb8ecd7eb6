// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isReaderEvent, trustedOnly } from '../../../src/content/trust';

describe('only the reader starts things', () => {
  it("ignores an event a script dispatched, and acts on the browser's own (trusted) event", () => {
    const seen: string[] = [];
    const listener = trustedOnly((event: Event) => seen.push(event.type));
    const button = document.createElement('button');
    button.addEventListener('click', listener);
    document.body.append(button);
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: 5, clientY: 5 }));
    expect(seen).toEqual([]);
    // happy-dom cannot make a trusted event: what the browser hands a listener for the reader's click.
    const trusted = { type: 'click', isTrusted: true } as Event;
    expect(isReaderEvent(trusted)).toBe(true);
    listener(trusted);
    expect(seen).toEqual(['click']);
  });
});
