import { describe, expect, it } from 'vitest';
import { judgeSupport } from '../../../src/core/verify/judge';
import { fromPlainText } from '../../../src/core/verify/source-text';

const SOURCE = fromPlainText(
  [
    'Researchers scanned the internet in March.',
    'The scan found 20,000 AI agent servers running the protocol with a command execution flaw.',
    'The company was founded in 2019 by two former engineers in Lisbon.',
    'The regulator did not approve the Zentrix vaccine for children.',
    'The weather in the city was mild.',
  ].join(' '),
);

describe('conflicts', () => {
  it('names a different count of the same thing and calls the claim not found', () => {
    const j = judgeSupport('The scan found 200,000 AI agent servers with a command execution flaw.', SOURCE);
    expect(j.verdict).toBe('not_found');
    expect(j.conflict).toEqual({ kind: 'number', claim: '200,000', source: '20,000' });
    expect(j.missing).toContain('200,000');
  });

  it('names a different year', () => {
    const j = judgeSupport('The company was founded in 2021 by two former engineers in Lisbon.', SOURCE);
    expect(j.verdict).toBe('not_found');
    expect(j.conflict).toEqual({ kind: 'number', claim: '2021', source: '2019' });
  });

  it('names a negation', () => {
    const j = judgeSupport('The regulator approved the Zentrix vaccine for children.', SOURCE);
    expect(j.verdict).toBe('not_found');
    expect(j.conflict).toEqual({ kind: 'negation', claim: 'approved', source: 'not approve' });
  });

  it('finds none where the source agrees, or gives a figure for something else', () => {
    expect(judgeSupport('The scan found 20,000 AI agent servers with the flaw.', SOURCE).conflict).toBeNull();
    // Another count of another thing in the same sentence is not a conflict.
    expect(
      judgeSupport('The scan found 200,000 exploits on the servers with the flaw.', SOURCE).conflict,
    ).toBeNull();
  });
});

describe('missing words', () => {
  it('lists the claim words and numbers the best passage lacks, in the claim’s words', () => {
    const j = judgeSupport(
      'The company was founded in 2019 in Lisbon by three engineers from Porto.',
      SOURCE,
    );
    expect(j.missing).toEqual(expect.arrayContaining(['three', 'Porto']));
    expect(j.missing).not.toContain('Lisbon');
    expect(j.missing).not.toContain('2019');
    expect(judgeSupport('The weather in the city was mild.', SOURCE).missing).toEqual([]);
  });
});
