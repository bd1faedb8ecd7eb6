import { describe, expect, it } from 'vitest';
import { claimTexts, markerLabels, scan, spanText } from './helpers';

const REFS = `<h2>References</h2><ol>
<li><a href="https://example.org/one">First source</a></li>
<li><a href="https://example.org/two">Second source</a></li>
<li><a href="https://example.org/three">Third source</a></li>
</ol>`;

describe('claim sentences', () => {
  it('reads the sentence across inline elements (<a>, <em>) as one claim', () => {
    const r = scan(
      `<p>The <a href="https://corp.example.com/">Example Corporation</a> reported <em>record</em> profits.[1] Shares rose.</p>${REFS}`,
    );
    expect(claimTexts(r)).toEqual(['The Example Corporation reported record profits.']);
    expect(markerLabels(r)).toEqual([['1']]);
  });

  it('gives a marker after the full stop to the sentence before it: "A b.[1] C d." → "A b."', () => {
    const r = scan(`<p>Prices rose sharply.[1] Wages did not keep up.</p>${REFS}`);
    expect(claimTexts(r)).toEqual(['Prices rose sharply.']);
  });

  it('keeps a marker after the full stop with its sentence when the next sentence is also cited', () => {
    const r = scan(`<p>Prices rose sharply.[1] Wages did not keep up.[2] Savings fell.</p>${REFS}`);
    expect(claimTexts(r)).toEqual(['Prices rose sharply.', 'Wages did not keep up.']);
    expect(markerLabels(r)).toEqual([['1'], ['2']]);
  });

  it('makes several markers in one sentence one claim, markers in order', () => {
    const r = scan(
      `<p>Cats sleep most of the day [1] and dogs bark at strangers [2], experts say.[3]</p>${REFS}`,
    );
    expect(claimTexts(r)).toEqual(['Cats sleep most of the day and dogs bark at strangers, experts say.']);
    expect(markerLabels(r)).toEqual([['1', '2', '3']]);
  });

  it('does not split after an abbreviation: "Dr. Smith said so.[1]" is one sentence', () => {
    const r = scan(`<p>The trial ended in May. Dr. Smith said the results were clear.[1]</p>${REFS}`);
    expect(claimTexts(r)).toEqual(['Dr. Smith said the results were clear.']);
  });

  it('does not split after an exclamation in parentheses followed by lower case: "(triple!) casquette"', () => {
    const r = scan(
      `<p lang="fr">Rien ici. Selon le journal, avec cette double (triple!) casquette, il a pu conclure des contrats.[1] Et ensuite ?</p>${REFS}`,
    );
    expect(claimTexts(r)).toEqual([
      'Selon le journal, avec cette double (triple!) casquette, il a pu conclure des contrats.',
    ]);
  });

  it('reads "Dr. Smith said so.[1]" alone as one sentence', () => {
    const r = scan(`<p>Dr. Smith said so.[1]</p>${REFS}`);
    expect(claimTexts(r)).toEqual(['Dr. Smith said so.']);
  });

  it('makes a quoted passage in straight quotes after a colon one claim', () => {
    const r = scan(`<p>She said: "We will act. The plan is ready."[1] Then she left.</p>${REFS}`);
    expect(claimTexts(r)).toEqual(['She said: "We will act. The plan is ready."']);
  });

  it('makes a quoted passage of several sentences after a colon one claim', () => {
    const r = scan(
      `<p>The minister was blunt. She said: “We will act now. The plan is ready. Nobody will be left behind.”[1] Then she left.</p>${REFS}`,
    );
    expect(claimTexts(r)).toEqual([
      'She said: “We will act now. The plan is ready. Nobody will be left behind.”',
    ]);
  });

  it('leaves the marker text out of the claim text, also mid-sentence', () => {
    const r = scan(`<p>Growth reached 5%[1] last year, the highest in a decade.</p>${REFS}`);
    expect(claimTexts(r)).toEqual(['Growth reached 5% last year, the highest in a decade.']);
    expect(claimTexts(r)[0]).not.toContain('[');
  });

  it('gives a claim spans whose text covers the sentence, across its text nodes', () => {
    const r = scan(
      `<p>An opening line. The <em>old</em> mill closed in 1990.[1] After that, silence.</p>${REFS}`,
    );
    const claim = r.report.claims[0];
    expect(claim?.text).toBe('The old mill closed in 1990.');
    expect(claim?.spans).toHaveLength(3);
    expect(claim ? spanText(claim) : '').toBe('The old mill closed in 1990.[1]');
    expect(claim?.spans[1]?.start.node.data).toBe('old');
  });

  it('keeps claims within the marker’s block and in document order', () => {
    const r = scan(
      `<ul><li>First point without a stop [2]</li><li>Second point.[1]</li></ul><blockquote><p>A quoted line.[3]</p></blockquote>${REFS}`,
    );
    expect(claimTexts(r)).toEqual(['First point without a stop', 'Second point.', 'A quoted line.']);
    expect(markerLabels(r)).toEqual([['2'], ['1'], ['3']]);
  });
});
