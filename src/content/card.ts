/**
 * The claim card: a non-modal dialog beside a claim, hung from <html> only while it is shown, so the page's body,
 * text and layout never change. Every piece of page-derived text goes in through `textContent`; links are real
 * <a href> and only for http(s) addresses.
 *
 * The page's scripts are hostile (src/content/trust.ts): the host is a plain <div> (no custom element name the
 * page could define first) with a CLOSED shadow root whose only reference is this object's, so the page can
 * neither style, read nor press what is inside; and every button acts on trusted events only.
 */
import {
  autoUpdate,
  computePosition,
  flip,
  hide,
  inline,
  offset,
  shift,
  size,
  type VirtualElement,
} from '@floating-ui/dom';
import type { JsonFinding } from '../core';
import { textFragmentUrl } from '../core/check/text-fragment';
import type { CheckedJudgement, CheckedSource } from '../core/check/types';
import type { SupportVerdict } from '../core/verify/judge';
import { CLAIM_VERDICT_TEXT, statusLine, VERDICT_TEXT } from '../shared/check-view';
import { markMatches, missingFromSource } from '../shared/evidence';
import { findingText } from '../shared/finding-text';
import { messagesLocale, plural, t } from '../shared/i18n';
import { FINDING_TITLE, safeHttpUrl, siteOfSource } from '../shared/report-view';
import { CARD_CSS } from './card-style';
import { trustedOnly } from './trust';

export interface CardSource {
  id: string;
  /**
   * `reference`: an entry of the page's reference list; `linked`: a page the sentence links to; `note`: an
   * explanatory footnote, shown as a note (no link to expect).
   */
  kind: 'reference' | 'linked' | 'note';
  /** A reference's label as the page shows it ("3"); a linked source's site (`nature.com`). */
  label: string;
  title: string;
  publisher: string | null;
  url: string | null;
  /** A linked source: the link as the sentence has it (fragment kept), and its words, each once. */
  link?: { href: string; texts: string[] };
  /** What the check found: the link's status, and this source's judgement of the claim. */
  checked?: { status: CheckedSource; judgement: CheckedJudgement | null };
}

/** The page's check as the card shows it; `verdict` is this claim's over all its sources. */
export type CardCheck =
  | { kind: 'idle' }
  | { kind: 'consent' }
  | { kind: 'cancelled' }
  | { kind: 'checking'; done: number; total: number }
  | { kind: 'failed'; message: string }
  | { kind: 'done'; verdict: SupportVerdict | null; nothingRead?: 'unreached' | 'nothing-read' };

export interface CardContent {
  claimId: string;
  claimText: string;
  /** `linked`: a sentence that only links to other sites (no marker). */
  kind: 'marker' | 'linked';
  /** The claim's marker labels, as the page shows them. */
  markers: string[];
  sources: CardSource[];
  findings: JsonFinding[];
  /** 0-based position among the page's claims, and their number. */
  index: number;
  total: number;
  /** Null when the page cites no source with a web link: there is nothing to check. */
  check: CardCheck | null;
}

export interface CardOpenOptions {
  /** The point the reader clicked, so the card sits by that line of a claim that spans several. */
  point?: { x: number; y: number };
  dark: boolean;
  /** Move focus into the card (not when a rescan redraws a card the reader is already in). */
  focus: boolean;
  /**
   * Where focus goes back to on Escape when the reader was nowhere in particular (on the page's body, as after a
   * click on a sentence): the claim's marker link, so the reader keeps their place and can Tab on from there.
   */
  returnFocusTo?: HTMLElement | null;
}

export interface CardEvents {
  onStep(direction: 'next' | 'previous'): void;
  onClosed(): void;
  /** "Check sources": the reader asks for this page's sources to be read. */
  onCheck(): void;
  onCancel(): void;
}

/**
 * The card's height beside its claim: at least enough for its claim, a line of its middle and its footer (flip
 * takes the side with more room first), at most a comfortable card rather than a panel.
 */
const MIN_CARD_HEIGHT = 140;
const MAX_CARD_HEIGHT = 600;

/**
 * A part of the card that scrolls can be reached and scrolled by keyboard: it takes focus (tabindex 0) while its
 * content overflows it, and gives it up when it fits (no needless Tab stop).
 */
function focusableWhenScrolling(dialog: HTMLElement): void {
  for (const part of dialog.querySelectorAll<HTMLElement>('.body, .claim')) {
    if (part.scrollHeight > part.clientHeight + 1) part.tabIndex = 0;
    else part.removeAttribute('tabindex');
  }
}

export class ClaimCard {
  private host: HTMLElement | null = null;
  /** The closed shadow root: this reference is the only way in. */
  private root: ShadowRoot | null = null;
  private dialog: HTMLElement | null = null;
  private stopAutoUpdate: (() => void) | null = null;
  private returnFocusTo: Element | null = null;
  /** Whether focus goes back to the shown claim's link (nothing had focus when the card opened). */
  private returnFocusToClaim = false;
  private current: string | null = null;
  /** The scrolling middle part of the card, and its height as last shown (see `keepSize`). */
  private body: HTMLElement | null = null;
  private shownHeight = 0;

  constructor(
    private readonly doc: Document,
    private readonly events: CardEvents,
  ) {}

  get openClaimId(): string | null {
    return this.current;
  }

  /** Whether an event happened inside the card (its host is on the event's composed path). */
  contains(event: Event): boolean {
    return this.host !== null && event.composedPath().includes(this.host);
  }

  open(content: CardContent, reference: VirtualElement, options: CardOpenOptions): void {
    if (!this.host) {
      const active = this.doc.activeElement;
      // Nowhere in particular (the page's body, as after a click on a sentence): the claim's marker link is the
      // reader's place, and follows them as they step from claim to claim.
      this.returnFocusToClaim = !active || active === this.doc.body || active === this.doc.documentElement;
      this.returnFocusTo = this.returnFocusToClaim ? (options.returnFocusTo ?? active) : active;
    } else if (this.returnFocusToClaim && options.returnFocusTo) {
      this.returnFocusTo = options.returnFocusTo;
    }
    this.stopAutoUpdate?.();
    const { host, root, dialog } = this.ensureHost();
    // A redraw (the check moved on) must not drop the reader's focus out of the card.
    const focusedKey = (root.activeElement as HTMLElement | null)?.dataset?.focusKey;
    const focusWasInside = root.activeElement !== null || this.doc.activeElement === host;
    // The same claim drawn again (the check moved on): the card keeps its height and the reader's scroll.
    const redraw = host.isConnected && this.current === content.claimId;
    const scrollTop = redraw ? (this.body?.scrollTop ?? 0) : 0;
    this.shownHeight = redraw ? dialog.getBoundingClientRect().height : 0;
    dialog.className = options.dark ? 'card dark' : 'card';
    const { nodes, body } = this.render(content);
    dialog.replaceChildren(...nodes);
    this.body = body;
    this.keepSize(dialog);
    body.scrollTop = scrollTop;
    if (focusWasInside && !options.focus) {
      const again = focusedKey ? dialog.querySelector<HTMLElement>(`[data-focus-key="${focusedKey}"]`) : null;
      (again ?? dialog).focus({ preventScroll: true });
    }
    this.current = content.claimId;

    const win = this.doc.defaultView;
    const middleware = [
      inline(options.point),
      offset(8),
      // Below the claim or above it, whichever has more room when neither holds the whole card (then `size`
      // fits it to that room). Not beside it: a sentence is as wide as its column, and a card beside a line
      // would stand out of the window or over the sentence.
      flip({ padding: 8, fallbackPlacements: ['top-start'] }),
      shift({ padding: 8 }),
      size({
        padding: 8,
        apply({ availableHeight, elements }) {
          // The room beside the claim (a comfortable most), and never more than the viewport: its claim and
          // footer always show and the middle scrolls. Recomputed on every resize and scroll by autoUpdate.
          const room = Math.max(MIN_CARD_HEIGHT, Math.min(MAX_CARD_HEIGHT, availableHeight));
          const viewport = (win?.innerHeight ?? MAX_CARD_HEIGHT) - 16;
          elements.floating.style.maxHeight = `${Math.max(0, Math.min(viewport, room))}px`;
        },
      }),
      hide(),
    ];
    const update = () => {
      void computePosition(reference, dialog, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware,
      }).then(({ x, y, middlewareData }) => {
        dialog.style.left = `${x}px`;
        dialog.style.top = `${y}px`;
        dialog.style.visibility = middlewareData.hide?.referenceHidden ? 'hidden' : 'visible';
        dialog.style.opacity = '';
        this.keepSize(dialog);
        focusableWhenScrolling(dialog);
      });
    };
    // In the document before the first measure (the card's own size decides flips), transparent until placed
    // (not `visibility: hidden`, which would refuse it focus).
    if (!host.isConnected) {
      dialog.style.opacity = '0';
      this.doc.documentElement.append(host);
    }
    this.stopAutoUpdate = autoUpdate(reference, dialog, update);
    if (options.focus) dialog.focus({ preventScroll: true });
  }

  close(restoreFocus = true): void {
    if (!this.host) return;
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = null;
    const hadFocus = this.host.matches(':focus-within') || this.doc.activeElement === this.host;
    this.host.remove();
    this.host = null;
    this.root = null;
    this.dialog = null;
    this.body = null;
    this.shownHeight = 0;
    this.current = null;
    const back = this.returnFocusTo;
    this.returnFocusTo = null;
    if (restoreFocus && hadFocus && back instanceof HTMLElement && back.isConnected) {
      back.focus({ preventScroll: true });
    }
    this.events.onClosed();
  }

  /**
   * While the same claim is redrawn (progress, then verdicts) the card may grow but never shrinks below what the
   * reader saw, so nothing under their pointer moves; a new claim starts afresh.
   */
  private keepSize(dialog: HTMLElement): void {
    dialog.style.minHeight =
      this.shownHeight > 0
        ? `${Math.min(this.shownHeight, Number.parseFloat(dialog.style.maxHeight) || this.shownHeight)}px`
        : '';
  }

  private ensureHost(): { host: HTMLElement; root: ShadowRoot; dialog: HTMLElement } {
    if (this.host && this.root && this.dialog)
      return { host: this.host, root: this.root, dialog: this.dialog };
    // A <div>, not a custom element: a page that defines the name first would own the element (its constructor,
    // its own shadow root) and could stop the card or read it.
    const host = this.doc.createElement('div');
    // The host has no box of its own; `all: initial` against page rules such as `* { display: none }`.
    host.style.setProperty('all', 'initial', 'important');
    // But text spacing stays the reader's to change (WCAG 1.4.12: a reader's own stylesheet may widen it; the
    // card's own rules set it for its text, so a page's rule on <div> cannot reach the card through these).
    for (const property of ['line-height', 'letter-spacing', 'word-spacing'])
      host.style.setProperty(property, 'normal');
    host.style.setProperty('position', 'fixed', 'important');
    host.style.setProperty('top', '0', 'important');
    host.style.setProperty('left', '0', 'important');
    host.style.setProperty('z-index', '2147483647', 'important');
    // Closed: `host.shadowRoot` is null to the page. (The page's own `attachShadow`, even if it replaced it on
    // Element.prototype, is not the one called here: a content script sees the DOM's own methods.)
    const root = host.attachShadow({ mode: 'closed' });
    const style = this.doc.createElement('style');
    style.textContent = CARD_CSS;
    const dialog = this.doc.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.lang = messagesLocale();
    dialog.setAttribute('aria-modal', 'false');
    dialog.setAttribute('aria-labelledby', 'citelens-card-title');
    dialog.setAttribute('aria-describedby', 'citelens-card-claim');
    dialog.tabIndex = -1;
    dialog.addEventListener(
      'keydown',
      trustedOnly((event: KeyboardEvent) => this.onKeyDown(event)),
    );
    // Keys and clicks inside the card are the card's business, not the page's.
    for (const type of ['keyup', 'keypress', 'click', 'mousedown', 'pointerdown'] as const) {
      dialog.addEventListener(type, (event) => event.stopPropagation());
    }
    root.append(style, dialog);
    this.host = host;
    this.root = root;
    this.dialog = dialog;
    return { host, root, dialog };
  }

  private onKeyDown(event: KeyboardEvent): void {
    event.stopPropagation();
    // A non-modal dialog: Tab moves on past the card as through the page, only Escape is the card's.
    if (event.key === 'Escape') {
      event.preventDefault();
      this.close(true);
    }
  }

  private el<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    className?: string,
    text?: string,
  ): HTMLElementTagNameMap[K] {
    const node = this.doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /**
   * Three parts: the claim at the top and "Claim n of N / Previous / Next" at the bottom always show, the middle
   * scrolls. Plain <div>s: a <header> or <footer> would add banner/contentinfo landmarks beside the page's own.
   */
  private render(content: CardContent): { nodes: Node[]; body: HTMLElement } {
    const head = this.el('div', 'head');
    const titleRow = this.el('div', 'title-row');
    const title = this.el('h2', undefined, t(content.kind === 'linked' ? 'cardTitleLinked' : 'cardTitle'));
    title.id = 'citelens-card-title';
    const close = this.el('button', 'close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', t('cardClose'));
    close.addEventListener(
      'click',
      trustedOnly(() => this.close(true)),
    );
    titleRow.append(title, close);

    const claim = this.el('blockquote', 'claim', content.claimText);
    claim.id = 'citelens-card-claim';
    head.append(titleRow, claim);

    const body = this.el('div', 'body');
    const nodes: Node[] = [];
    if (content.check) nodes.push(this.renderCheck(content.check));
    nodes.push(this.el('h3', undefined, plural('cardSources', content.sources.length)));
    const list = this.el('ul', 'sources');
    for (const source of content.sources) list.append(this.renderSource(source));
    if (content.sources.length === 0) {
      list.append(this.el('li', 'missing', t('cardNoSource', content.markers.join(', '))));
    }
    nodes.push(list);

    if (content.findings.length > 0) {
      nodes.push(this.el('h3', undefined, t('cardFindings')));
      const findings = this.el('ul', 'findings');
      for (const finding of content.findings) {
        const li = this.el('li', 'finding');
        li.append(
          this.el('strong', undefined, t(FINDING_TITLE[finding.kind])),
          this.el('span', undefined, findingText(finding)),
        );
        findings.append(li);
      }
      nodes.push(findings);
    }

    body.append(...nodes);

    const foot = this.el('div', 'foot');
    const count = this.el(
      'span',
      'count',
      t('cardPosition', [String(content.index + 1), String(content.total)]),
    );
    const previous = this.el('button', 'previous', t('cardPrevious'));
    previous.type = 'button';
    previous.disabled = content.total < 2;
    previous.addEventListener(
      'click',
      trustedOnly(() => this.events.onStep('previous')),
    );
    const next = this.el('button', 'next', t('cardNext'));
    next.type = 'button';
    next.disabled = content.total < 2;
    next.addEventListener(
      'click',
      trustedOnly(() => this.events.onStep('next')),
    );
    foot.append(count, previous, next);
    return { nodes: [head, body, foot], body };
  }

  private renderSource(source: CardSource): HTMLLIElement {
    const li = this.el('li', 'source');
    li.dataset.sourceId = source.id;
    li.dataset.kind = source.kind;
    const linked = source.kind === 'linked';
    // Once a check has read a linked page, its own title and site name say what it is better than the link did.
    const page = linked ? source.checked?.status.page : undefined;
    const kind = this.el('div', 'kind');
    const note = source.kind === 'note';
    if (linked) kind.textContent = t('cardLinkedInText');
    else
      kind.append(`${t(note ? 'cardNote' : 'cardReference')} [`, this.el('span', 'label', source.label), ']');
    const url = safeHttpUrl(linked ? (source.link?.href ?? source.url) : source.url);
    const titleText = page?.title || source.title || source.label;
    const title = url ? this.link('title', titleText, url) : this.el('span', 'title', titleText);
    const site = linked ? source.label : (siteOfSource(source) ?? t('cardNoLink'));
    const publisher = (linked ? page?.siteName : null) ?? source.publisher;
    const meta = this.el('div', 'meta');
    meta.append(this.el('span', 'site', site));
    if (publisher && publisher !== site) meta.append(' · ', this.el('span', 'publisher', publisher));
    // A note says what it says; "no link" under it would read as a fault.
    li.append(kind, title, ...(note ? [] : [meta]));
    // The link's own words, as text: often the best description of what is cited ("a 2019 survey by Pew").
    const words = (source.link?.texts ?? []).filter((w) => w && w !== titleText);
    if (linked && words.length > 0) {
      const line = this.el('div', 'link-text');
      line.append(`${t('cardLinkText')} `);
      words.forEach((w, i) => {
        if (i > 0) line.append(', ');
        line.append(this.el('q', undefined, w));
      });
      li.append(line);
    }
    if (source.checked) this.renderChecked(li, li, source.checked);
    return li;
  }

  /** A real link that opens apart, to an http(s) address only (`safeHttpUrl` first). */
  private link(className: string, text: string, url: string): HTMLAnchorElement {
    const a = this.el('a', className, text);
    a.href = url;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    return a;
  }

  private button(className: string, text: string, onClick: () => void): HTMLButtonElement {
    const button = this.el('button', className, text);
    button.type = 'button';
    button.dataset.focusKey = className;
    // Check sources and Cancel start or stop reading other sites: only the reader's own press counts.
    button.addEventListener('click', trustedOnly(onClick));
    return button;
  }

  /** The page's check: the button that starts it, its progress and Cancel, or this claim's verdict. */
  private renderCheck(check: CardCheck): HTMLElement {
    const box = this.el('div', 'check');
    box.dataset.check = check.kind;
    const checkButton = () => this.button('check-sources', t('checkSources'), () => this.events.onCheck());
    switch (check.kind) {
      case 'idle':
        box.append(this.el('p', 'note', t('checkIdle')), checkButton());
        break;
      case 'consent':
        box.append(this.el('p', 'note', t('checkConsentWaiting')));
        break;
      case 'cancelled':
        box.append(this.el('p', 'note', t('checkCancelled')), checkButton());
        break;
      case 'failed':
        box.append(this.el('p', 'note', t('checkFailed', check.message)), checkButton());
        break;
      case 'checking': {
        const status = this.el(
          'p',
          'progress',
          t('checkProgress', [String(check.done), String(check.total)]),
        );
        status.setAttribute('role', 'status');
        const bar = this.el('progress');
        bar.max = Math.max(1, check.total);
        bar.value = check.done;
        box.append(
          status,
          bar,
          this.button('cancel-check', t('checkCancel'), () => this.events.onCancel()),
        );
        break;
      }
      case 'done':
        // A check that read nothing has no verdicts: say why, and offer to try again.
        if (check.nothingRead) {
          box.append(
            this.el(
              'p',
              'note nothing-read',
              t(check.nothingRead === 'unreached' ? 'checkUnreached' : 'checkNothingRead'),
            ),
            checkButton(),
          );
        } else if (check.verdict) {
          const verdict = this.el(
            'p',
            `overall verdict-${check.verdict}`,
            t(CLAIM_VERDICT_TEXT[check.verdict]),
          );
          verdict.dataset.verdict = check.verdict;
          box.append(verdict);
        }
        break;
    }
    return box;
  }

  /** A checked source: its verdict in words, the link's trouble, the evidence with the claim's words marked. */
  private renderChecked(
    body: HTMLElement,
    li: HTMLElement,
    { status, judgement }: NonNullable<CardSource['checked']>,
  ): void {
    li.dataset.status = status.status;
    const verdict = judgement?.verdict ?? 'unavailable';
    li.dataset.verdict = verdict;
    body.append(this.el('div', `verdict verdict-${verdict}`, t(VERDICT_TEXT[verdict])));
    if (status.status !== 'ok') body.append(this.el('div', 'link-status', statusLine(status)));
    if (!judgement || verdict === 'unavailable') return;
    const best = judgement.passages[0];
    if (best) {
      const quote = this.el('blockquote', 'evidence');
      for (const piece of markMatches(best.text, best.matchedTerms)) {
        quote.append(
          piece.marked ? this.el('mark', undefined, piece.text) : this.doc.createTextNode(piece.text),
        );
      }
      body.append(quote);
    }
    const conflict = judgement.conflict;
    if (conflict?.claim)
      body.append(this.el('p', 'conflict', t('cardConflict', [conflict.source, conflict.claim])));
    const missing = missingFromSource(judgement);
    if (missing.length > 0) body.append(this.el('p', 'missing-terms', t('cardMissing', missing.join(', '))));
    const href = best ? textFragmentUrl(status.finalUrl ?? status.url, best.text) : null;
    if (href) {
      const open = this.el('a', 'open-passage', t('cardOpenPassage'));
      open.href = href;
      open.target = '_blank';
      open.rel = 'noopener noreferrer';
      body.append(open);
    }
  }
}
