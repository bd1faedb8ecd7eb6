/**
 * The content script's whole life on a page: settings → scan in slices → highlights → clicks, keys and
 * messages → rescans when the page's text changes. A page without citations gets one sliced scan, one
 * MutationObserver and nothing else: no listeners, no styles, no elements.
 */
import type { VirtualElement } from '@floating-ui/dom';
import {
  type JsonClaim,
  type JsonReport,
  type PageReport,
  scanDocumentInSlices,
  toJsonClaim,
  toJsonReport,
} from '../core';
import { claimVerdict, readingOutcome } from '../core/check/summary';
import type { CheckResult } from '../core/check/types';
import type { SupportVerdict } from '../core/verify/judge';
import { CLAIM_STATE, checkedClaimFor, checkedSourceOfClaim } from '../shared/check-view';
import { claimKind, highlightName, paintedState } from '../shared/highlight-style';
import {
  type CheckState,
  handleMessages,
  type PageState,
  type StepDirection,
  sendMessage,
} from '../shared/messages';
import { findingsForClaim, safeHttpUrl } from '../shared/report-view';
import {
  activityFor,
  autoCheckFor,
  DEFAULT_SETTINGS,
  loadSettings,
  type Settings,
  watchSettings,
} from '../shared/settings';
import type { CardCheck, CardContent, CardSource } from './card';
import {
  claimAtPoint,
  clearHighlights,
  highlightsSupported,
  inDocumentOrder,
  type LiveClaim,
  liveClaim,
  setHighlight,
} from './highlights';
// The card's code, styles and positioning load on the first open (src/content/lazy-card.ts).
import { LazyCard as ClaimCard } from './lazy-card';
import { loadSiteOf } from './lazy-sites';
import { RescanTimer } from './rescan-timer';
import { claimsInSelection } from './selected-claims';
import { forEachSliced, SLICE_MS, yieldToHost } from './slices';
import { isReaderEvent } from './trust';

/** Reports an internal error without ever throwing into the page. */
export function logError(error: unknown): void {
  console.warn('[CiteLens]', error);
}

/** Wraps an event handler so that nothing it throws reaches the page. */
function guarded<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      fn(...args);
    } catch (error) {
      logError(error);
    }
  };
}

/** Quiet time after the last change before a rescan, and the longest a stream of changes can delay one. */
const RESCAN_QUIET_MS = 600;
/** Highlight priorities: the claim under the pointer over the plain marks, the open claim over both. */
const HOVER_PRIORITY = 1;
const ACTIVE_PRIORITY = 2;
/** What in a page keeps its own meaning when clicked, inside a claim too. */
const PAGE_CONTROLS = 'a[href], button, input, select, textarea, label, summary, [contenteditable]';
const RESCAN_MAX_WAIT_MS = 4000;

export class Controller {
  private settings: Settings | null = null;
  private status: PageState['status'] = 'scanning';
  private report: JsonReport | null = null;
  private claims: LiveClaim[] = [];
  private byId = new Map<string, LiveClaim>();
  private active: LiveClaim | null = null;
  /** The claim under the reader's pointer (its hover highlight), and the pointer as last seen. */
  private hovered: LiveClaim | null = null;
  private pointer: { x: number; y: number; target: EventTarget | null; inCard: boolean } | null = null;
  private hoverFrame = 0;
  private readonly card: ClaimCard;
  private observer: MutationObserver | null = null;
  private interactive = false;
  private scanning = false;
  private rescanWanted = false;
  private lastScanMs = 0;
  // A slow page scan waits longer between rescans, so a page that never stops changing is not scanned back to back.
  private readonly rescanTimer = new RescanTimer(
    guarded(() => void this.scan().catch(logError)),
    () => {
      const quietMs = Math.max(RESCAN_QUIET_MS, this.lastScanMs * 10);
      return { quietMs, maxWaitMs: Math.max(RESCAN_MAX_WAIT_MS, quietMs) };
    },
  );
  /** This page's source check, as the background last told it. */
  private check: CheckState = { kind: 'idle' };
  /** Whether this page already asked for its automatic check. */
  private autoAsked = false;
  /** Whether the background has been told about claims on this page (so it must be told when they go). */
  private toldBackground = false;

  constructor(
    private readonly doc: Document,
    private readonly win: Window,
  ) {
    this.card = new ClaimCard(doc, {
      onStep: (direction) => this.step(direction),
      onClosed: () => this.setActive(null),
      onCheck: () => void this.requestCheck(false),
      onCancel: () => void sendMessage('cancelCheck', {}).catch(logError),
    });
  }

  async start(): Promise<void> {
    handleMessages({
      getPageState: () => this.pageState(),
      showClaim: ({ claimId }) => {
        const live = this.byId.get(claimId);
        if (live) this.show(live, null);
        return { shown: !!live };
      },
      step: ({ direction }) => ({ claimId: this.step(direction) }),
      selectedClaims: () => ({ claimIds: claimsInSelection(this.win.getSelection(), this.claims) }),
      checkState: (state) => {
        this.onCheckState(state);
        return { ok: true };
      },
    });
    watchSettings((settings) => void this.applySettings(settings).catch(logError));
    await this.applySettings(await loadSettings());
  }

  private pageState(): PageState {
    return {
      status: this.status,
      url: this.win.location.href,
      report: this.status === 'ready' ? this.report : null,
    };
  }

  private async applySettings(settings: Settings): Promise<void> {
    const before = this.settings;
    this.settings = settings;
    const activity = activityFor(settings, this.win.location.href);
    if (activity !== 'on') {
      this.stop(activity);
      return;
    }
    if (!before || this.status === 'disabled-site' || this.status === 'disabled-everywhere') {
      this.status = 'scanning';
      await this.scan();
      this.observe();
    } else if (
      before.linkedClaims !== settings.linkedClaims ||
      before.countOwnSiteLinks !== settings.countOwnSiteLinks
    ) {
      // What counts as a claim changed: the page is read again.
      await this.scan();
    } else if (this.claims.length > 0) {
      this.paint();
    }
  }

  /** Turns CiteLens off for this page: everything it added goes. */
  private stop(status: 'disabled-site' | 'disabled-everywhere'): void {
    this.observer?.disconnect();
    this.observer = null;
    this.rescanTimer.cancel();
    this.card.close(false);
    clearHighlights();
    this.hovered = null;
    this.claims = [];
    this.byId.clear();
    this.report = null;
    this.status = status;
    this.setInteractive(false);
    if (this.toldBackground) void this.tellBackground();
  }

  private async scan(): Promise<void> {
    if (this.scanning) {
      this.rescanWanted = true;
      return;
    }
    this.scanning = true;
    try {
      do {
        this.rescanWanted = false;
        const started = performance.now();
        const pageReport = await scanDocumentInSlices(this.doc, {
          url: this.win.location.href,
          links: (this.settings ?? DEFAULT_SETTINGS).linkedClaims,
          countOwnSiteLinks: (this.settings ?? DEFAULT_SETTINGS).countOwnSiteLinks,
          sliceMs: SLICE_MS,
          yieldToHost,
          loadSiteOf,
        });
        if (this.status.startsWith('disabled-')) return; // turned off while scanning
        await this.useReport(pageReport);
        this.lastScanMs = performance.now() - started;
      } while (this.rescanWanted);
    } finally {
      this.scanning = false;
    }
  }

  private async useReport(pageReport: PageReport): Promise<void> {
    // Each step below in tasks of its own (a page of 20,000 claims made them one long task after the scan's last
    // slice): the claims' serialisable form in slices with their ranges, then the order, then painting.
    await yieldToHost();
    const claims: JsonClaim[] = [];
    const live: LiveClaim[] = [];
    await forEachSliced(pageReport.claims, (claim, index) => {
      const json = toJsonClaim(claim);
      claims.push(json);
      const l = liveClaim(this.doc, claim, index, json);
      if (l) live.push(l);
    });
    const report = { ...toJsonReport({ ...pageReport, claims: [] }, { params: true }), claims };
    await inDocumentOrder(live, yieldToHost, SLICE_MS);
    await yieldToHost();

    const openId = this.card.openClaimId;
    const previous = this.byId.get(openId ?? '');
    this.report = report;
    this.hovered = null; // its ranges belong to the last scan; the next pointer move finds the claim again
    this.claims = live;
    this.byId = new Map(live.map((l) => [l.claim.id, l]));
    this.status = 'ready';

    if (live.length > 0 && highlightsSupported()) this.paint();
    else clearHighlights();
    this.setInteractive(live.length > 0);

    // Keep the card open on the same sentence if it survived the rescan.
    if (openId && previous) {
      const same = live.find((l) => l.claim.text === previous.claim.text);
      if (same) this.show(same, null, { scroll: false, focus: false });
      else this.card.close(false);
    }
    if (live.length > 0 || this.toldBackground) {
      await yieldToHost();
      await this.tellBackground();
    }
    this.maybeCheckAutomatically();
  }

  // ---- checking the sources ----

  /** On a site the reader allowed, the first scan with claims asks for a check without a click. */
  private maybeCheckAutomatically(): void {
    if (this.autoAsked || this.claims.length === 0 || !this.settings) return;
    if (this.check.kind !== 'idle' || !autoCheckFor(this.settings, this.win.location.href)) return;
    this.autoAsked = true;
    void this.requestCheck(true);
  }

  private async requestCheck(auto: boolean): Promise<void> {
    // The answer matters little here: progress, consent and results arrive as `checkState` messages.
    await sendMessage('requestCheck', { auto }).catch(logError);
  }

  private onCheckState(state: CheckState): void {
    this.check = state;
    // Repainted only when verdicts show on the page: re-registering the same neutral names would still tell the
    // page's scripts (which can watch `CSS.highlights`) when a check ended.
    if (this.claims.length > 0 && this.settings?.verdictHighlights) this.paint();
    // An open card follows the check: progress, then the verdicts.
    if (this.card.openClaimId && this.active) this.show(this.active, null, { scroll: false, focus: false });
  }

  private get result(): CheckResult | null {
    return this.check.kind === 'done' ? this.check.result : null;
  }

  /**
   * Registers every claim under the highlight name of its state (not checked, or its verdict when the reader
   * turned verdict colouring on: the page can read these names) in the reader's style and colours; names no
   * longer used go. A claim that only links (no marker) has a quieter mark of its own, `citelens-linked`.
   */
  private paint(): void {
    if (!highlightsSupported()) return;
    const settings = this.settings ?? DEFAULT_SETTINGS;
    const result = this.result;
    const groups = new Map<string, Range[]>();
    for (const live of this.claims) {
      const checked = result ? checkedClaimFor(result, live.claim) : undefined;
      const state = checked ? CLAIM_STATE[claimVerdict(checked)] : 'claim';
      const kind = claimKind(live.claim);
      const name = highlightName(paintedState(state, settings.verdictHighlights, kind), settings);
      const ranges = groups.get(name);
      if (ranges) for (const range of live.ranges) ranges.push(range);
      else groups.set(name, [...live.ranges]);
    }
    const active = highlightName('active', settings);
    const hover = highlightName('hover', settings);
    clearHighlights(new Set([...groups.keys(), active, hover]));
    for (const [name, ranges] of groups) setHighlight(name, ranges);
    this.paintHover();
    setHighlight(active, this.active ? this.active.ranges : [], ACTIVE_PRIORITY);
  }

  /**
   * The page's state, a report with claims left in the tab (`PageState.claimsInTab`): the background asks for it
   * when the popup or a check needs it. An empty report goes as it is.
   */
  private async tellBackground(): Promise<void> {
    const state = this.pageState();
    const claims = state.report?.claims.length ?? 0;
    this.toldBackground = claims > 0;
    const told = claims > 0 ? { ...state, report: null, claimsInTab: claims } : state;
    await sendMessage('pageState', told).catch(logError);
  }

  // ---- following the page's later content ----

  private observe(): void {
    if (this.observer || !this.doc.body) return;
    this.observer = new MutationObserver(guarded((records: MutationRecord[]) => this.onMutations(records)));
    this.observer.observe(this.doc.body, { childList: true, subtree: true, characterData: true });
  }

  private onMutations(records: MutationRecord[]): void {
    if (!records.some((r) => this.changesText(r))) return;
    this.rescanTimer.change();
  }

  /**
   * Whether a mutation can change what the scan finds: text came, went or changed. (The card hangs from <html>,
   * outside the observed <body>, so opening it is no change.)
   */
  private changesText(record: MutationRecord): boolean {
    if (record.type === 'characterData') return true;
    return [...record.addedNodes, ...record.removedNodes].some((n) => (n.textContent ?? '').trim() !== '');
  }

  // ---- reading: clicks, keys, the card ----

  private readonly onClick = guarded((event: MouseEvent) => {
    // A page's script can click anywhere (and at any point): only the reader's own click opens or closes a card.
    if (!isReaderEvent(event) || this.card.contains(event)) return;
    // Ctrl/Cmd/Shift/Alt-clicks (new tab, new window, download) and other buttons are the browser's: untouched.
    if (event.button !== 0 || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.target instanceof Element ? event.target : null;
    // A keyboard's Enter on a focused link clicks it at no point of its own (detail 0).
    const point = event.detail > 0 ? { x: event.clientX, y: event.clientY } : null;
    // A citation marker's own link ("[3]" to the reference list): its claim's card opens in place, as the
    // reader expects of a footnote marker, unless the reader turned that off. Focus comes back to the marker.
    const marker = this.markerClaim(target);
    if (marker && (this.settings ?? DEFAULT_SETTINGS).markerOpensCard && !event.defaultPrevented) {
      event.preventDefault();
      this.show(marker.live, point, { scroll: false, focus: true });
      return;
    }
    // A link, a button or a field inside a claim keeps its own meaning: the click goes through untouched.
    const control = target?.closest(PAGE_CONTROLS);
    const selection = this.win.getSelection();
    const selecting = selection !== null && !selection.isCollapsed && selection.toString().trim() !== '';
    const live =
      control || selecting ? null : claimAtPoint(this.doc, this.claims, event.clientX, event.clientY);
    if (live) this.show(live, { x: event.clientX, y: event.clientY }, { scroll: false, focus: true });
    else this.card.close(false);
  });

  /** The claim whose citation marker is (inside) the link at `target`, and that link. */
  private markerClaim(target: Element | null): { live: LiveClaim; link: HTMLAnchorElement } | null {
    const link = target?.closest('a[href]');
    if (!(link instanceof HTMLAnchorElement)) return null;
    for (const live of this.claims) {
      for (const node of live.markerNodes) {
        if (link.contains(node)) return { live, link };
      }
    }
    return null;
  }

  /**
   * The link that stands for a claim where focus can go back to: its first marker's link, else the first link
   * in its sentence (a linked claim's). Null for a claim with neither.
   */
  private claimLink(live: LiveClaim): HTMLElement | null {
    for (const node of live.markerNodes) {
      const link = node.parentElement?.closest('a[href]');
      if (link instanceof HTMLElement) return link;
    }
    const common = live.extent.commonAncestorContainer;
    const scope = common instanceof Element ? common : common.parentElement;
    for (const link of scope?.querySelectorAll<HTMLElement>('a[href]') ?? []) {
      if (live.extent.intersectsNode(link)) return link;
    }
    return null;
  }

  /**
   * The pointer over a claim lights it faintly (its own highlight, in the shadow of the open card's colour):
   * it can be opened. Read at most once a frame; the page's DOM is never touched.
   */
  private readonly onPointerMove = guarded((event: MouseEvent) => {
    if (!isReaderEvent(event)) return;
    this.pointer = {
      x: event.clientX,
      y: event.clientY,
      target: event.target,
      inCard: this.card.contains(event),
    };
    if (this.hoverFrame === 0) {
      this.hoverFrame = this.win.requestAnimationFrame(
        guarded(() => {
          this.hoverFrame = 0;
          this.updateHover();
        }),
      );
    }
  });

  private readonly onPointerLeave = guarded((event: MouseEvent) => {
    // Out of the window (no element to go to): nothing is under the pointer any more.
    if (event.relatedTarget === null) {
      this.pointer = null;
      this.setHovered(null);
    }
  });

  private updateHover(): void {
    const pointer = this.pointer;
    if (!pointer || pointer.inCard) {
      this.setHovered(null);
      return;
    }
    const target = pointer.target instanceof Element ? pointer.target : null;
    // What a click there would open: a marker's claim, nothing on another link or control, else the claim.
    const marker = (this.settings ?? DEFAULT_SETTINGS).markerOpensCard ? this.markerClaim(target) : null;
    const live = marker
      ? marker.live
      : target?.closest(PAGE_CONTROLS)
        ? null
        : claimAtPoint(this.doc, this.claims, pointer.x, pointer.y);
    this.setHovered(live);
  }

  private setHovered(live: LiveClaim | null): void {
    if (live === this.hovered) return;
    this.hovered = live;
    this.paintHover();
  }

  /** The hovered claim's wash; none on the open claim, which already wears the open card's mark. */
  private paintHover(): void {
    const live = this.hovered && this.hovered !== this.active ? this.hovered : null;
    setHighlight(
      highlightName('hover', this.settings ?? DEFAULT_SETTINGS),
      live ? live.ranges : [],
      HOVER_PRIORITY,
    );
  }

  private readonly onKeyDown = guarded((event: KeyboardEvent) => {
    if (!isReaderEvent(event)) return; // a synthetic Escape must not close the reader's card either
    if (event.key === 'Escape' && this.card.openClaimId && !this.card.contains(event)) this.card.close(true);
  });

  private setInteractive(on: boolean): void {
    if (on === this.interactive) return;
    this.interactive = on;
    // Capture phase on window: seen even when the page stops propagation. Never prevented.
    if (on) {
      this.win.addEventListener('click', this.onClick, true);
      this.win.addEventListener('keydown', this.onKeyDown, true);
      this.win.addEventListener('mousemove', this.onPointerMove, { capture: true, passive: true });
      this.doc.addEventListener('mouseout', this.onPointerLeave, { capture: true, passive: true });
    } else {
      this.win.removeEventListener('click', this.onClick, true);
      this.win.removeEventListener('keydown', this.onKeyDown, true);
      this.win.removeEventListener('mousemove', this.onPointerMove, true);
      this.doc.removeEventListener('mouseout', this.onPointerLeave, true);
      if (this.hoverFrame !== 0) this.win.cancelAnimationFrame(this.hoverFrame);
      this.hoverFrame = 0;
      this.pointer = null;
    }
  }

  /** Goes to the next or previous claim (from the open card, else from what is on screen); returns its id. */
  step(direction: StepDirection): string | null {
    const n = this.claims.length;
    if (n === 0) return null;
    let index: number;
    if (this.active) {
      index = (this.active.index + (direction === 'next' ? 1 : -1) + n) % n;
    } else {
      index = direction === 'next' ? this.firstOnScreen() : this.lastOnScreen();
    }
    const live = this.claims[index] as LiveClaim;
    this.show(live, null);
    return live.claim.id;
  }

  private firstOnScreen(): number {
    const i = this.claims.findIndex((l) => l.extent.getBoundingClientRect().bottom > 0);
    return Math.max(0, i);
  }

  private lastOnScreen(): number {
    const height = this.win.innerHeight;
    for (let i = this.claims.length - 1; i >= 0; i--) {
      if ((this.claims[i] as LiveClaim).extent.getBoundingClientRect().top < height) return i;
    }
    return this.claims.length - 1;
  }

  /** Opens a claim's card, scrolling the claim into view unless told not to (the reader just clicked it). */
  private show(
    live: LiveClaim,
    point: { x: number; y: number } | null,
    { scroll, focus }: { scroll: boolean; focus: boolean } = { scroll: true, focus: true },
  ): void {
    if (scroll) {
      const element = live.extent.startContainer.parentElement;
      // Scrolled to the middle unless already in the upper part of the screen, so the card has room below it.
      const rect = live.extent.getBoundingClientRect();
      const visible = rect.top >= 0 && rect.bottom <= this.win.innerHeight * 0.6;
      if (element && !visible) {
        const smooth = !this.win.matchMedia('(prefers-reduced-motion: reduce)').matches;
        element.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'instant' });
      }
    }
    this.setActive(live);
    this.card.open(this.cardContent(live), this.reference(live), {
      ...(point ? { point } : {}),
      dark: this.pageIsDark(),
      focus,
      returnFocusTo: this.claimLink(live),
    });
  }

  private setActive(live: LiveClaim | null): void {
    this.active = live;
    this.paintHover();
    setHighlight(
      highlightName('active', this.settings ?? DEFAULT_SETTINGS),
      live ? live.ranges : [],
      ACTIVE_PRIORITY,
    );
  }

  private cardContent(live: LiveClaim): CardContent {
    const report = this.report as JsonReport;
    const sources = live.claim.sources
      .map((id) => report.sources.find((s) => s.id === id))
      .filter((s) => s !== undefined);
    const findings = findingsForClaim(report, live.claim.id, live.claim.sources);
    const result = this.result;
    const checked = result ? checkedClaimFor(result, live.claim) : undefined;
    return {
      claimId: live.claim.id,
      claimText: live.claim.text,
      kind: claimKind(live.claim),
      markers: live.claim.markers,
      sources: sources.map((s): CardSource => {
        const found = result ? checkedSourceOfClaim(result, live.claim, s) : null;
        const links = (live.claim.links ?? []).filter((l) => l.source === s.id);
        const source: CardSource = {
          ...s,
          kind: s.kind ?? 'reference',
          ...(links[0]
            ? { link: { href: links[0].href, texts: [...new Set(links.map((l) => l.text))] } }
            : {}),
        };
        return found ? { ...source, checked: found } : source;
      }),
      findings,
      index: live.index,
      total: this.claims.length,
      check: report.sources.some((s) => safeHttpUrl(s.url))
        ? this.cardCheck(checked ? claimVerdict(checked) : null)
        : null,
    };
  }

  private cardCheck(verdict: SupportVerdict | null): CardCheck {
    const state = this.check;
    if (state.kind !== 'done') return state;
    const outcome = readingOutcome(state.result);
    return outcome === 'unreached' || outcome === 'nothing-read'
      ? { kind: 'done', verdict, nothingRead: outcome }
      : { kind: 'done', verdict };
  }

  private reference(live: LiveClaim): VirtualElement {
    return {
      getBoundingClientRect: () => live.extent.getBoundingClientRect(),
      getClientRects: () => live.ranges.flatMap((r) => [...r.getClientRects()]),
      contextElement: live.extent.startContainer.parentElement ?? undefined,
    };
  }

  /** Whether the page is dark where the text is, so the card can match it. */
  private pageIsDark(): boolean {
    for (const element of [this.doc.body, this.doc.documentElement]) {
      if (!element) continue;
      const match = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/.exec(
        this.win.getComputedStyle(element).backgroundColor,
      );
      if (!match || match[4] === '0') continue;
      const [r, g, b] = [match[1], match[2], match[3]].map((v) => Number(v) / 255) as [
        number,
        number,
        number,
      ];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.4;
    }
    // No background of its own: the canvas, dark only where the page opts into a dark colour scheme.
    const scheme = this.win.getComputedStyle(this.doc.documentElement).colorScheme;
    return scheme.includes('dark') && this.win.matchMedia('(prefers-color-scheme: dark)').matches;
  }
}
