/**
 * The claim card as the controller holds it: a stand-in that loads the card's code, its styles and @floating-ui
 * (src/content/card.ts, a chunk of their own) on the first open, so a page whose reader never clicks a claim never
 * parses them. The same surface as `ClaimCard`; an open asked for while the code loads shows when it arrives (the
 * last one asked for), and a close before then cancels it.
 */
import type { VirtualElement } from '@floating-ui/dom';
import type { CardContent, CardEvents, CardOpenOptions, ClaimCard } from './card';
import { CONTENT_CARD_FILE } from './lazy-files';
import { importContentPart } from './lazy-part';

type OpenArgs = [CardContent, VirtualElement, CardOpenOptions];

export class LazyCard {
  private card: ClaimCard | null = null;
  private loading: Promise<void> | null = null;
  private pending: OpenArgs | null = null;

  constructor(
    private readonly doc: Document,
    private readonly events: CardEvents,
    private readonly onError: (error: unknown) => void = (error) => console.warn('[CiteLens]', error),
  ) {}

  get openClaimId(): string | null {
    return this.card ? this.card.openClaimId : (this.pending?.[0].claimId ?? null);
  }

  contains(event: Event): boolean {
    return this.card?.contains(event) ?? false;
  }

  open(content: CardContent, reference: VirtualElement, options: CardOpenOptions): void {
    if (this.card) {
      this.card.open(content, reference, options);
      return;
    }
    this.pending = [content, reference, options];
    if (this.loading) return;
    const module = importContentPart<typeof import('./card')>(CONTENT_CARD_FILE);
    this.loading = module.then(
      ({ ClaimCard }) => {
        this.card = new ClaimCard(this.doc, this.events);
        const pending = this.pending;
        this.pending = null;
        if (pending) this.card.open(...pending);
      },
      (error: unknown) => {
        // Another click tries again.
        this.loading = null;
        this.pending = null;
        this.onError(error);
      },
    );
  }

  close(restoreFocus = true): void {
    this.pending = null;
    this.card?.close(restoreFocus);
  }
}
