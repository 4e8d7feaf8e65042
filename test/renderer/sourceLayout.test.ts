import { describe, expect, it } from 'vitest';
import { softBreaks } from '../../src/renderer/src/sourceLayout.ts';

const FULL = 'The injured worker is a 41-year-old female who was hurt on 7/13/13 while pulling a';

/** The text as the source pane shows it: soft breaks as spaces, the others kept. */
function shown(text: string): string {
  let out = '';
  let at = 0;
  for (const [start, end] of softBreaks(text)) {
    out += `${text.slice(at, start)} `;
    at = end;
  }
  return out + text.slice(at);
}

describe('reflowing the source', () => {
  it('joins the lines of a paragraph and keeps blank lines, short lines, labels, colons and table rows', () => {
    const text = [
      'Case Number:          CM16-0004002',
      'Date Assigned:        10/07/2016                      Date of Injury:      07/13/2013',
      '',
      'CLINICAL CASE SUMMARY',
      FULL,
      `${FULL} loaded`,
      'pallet jack.',
      `${FULL} list:`,
      'Claims Administrator guideline: Decision based on MTUS.',
      `${FULL} jack`,
      'Decision rationale: The request is medically necessary.',
    ].join('\n');
    expect(shown(text).split('\n')).toEqual([
      'Case Number:          CM16-0004002',
      'Date Assigned:        10/07/2016                      Date of Injury:      07/13/2013',
      '',
      'CLINICAL CASE SUMMARY',
      `${FULL} ${FULL} loaded pallet jack.`,
      `${FULL} list:`,
      'Claims Administrator guideline: Decision based on MTUS.',
      `${FULL} jack`,
      'Decision rationale: The request is medically necessary.',
    ]);
  });

  it('takes a CRLF as one break, and never joins across a page', () => {
    const text = `${FULL}\r\n${FULL}\r\nend of page.\f${FULL}\nnext page.`;
    expect(softBreaks(text).map(([start, end]) => text.slice(start, end))).toEqual(['\r\n', '\r\n', '\n']);
    expect(shown(text)).toBe(`${FULL} ${FULL} end of page.\f${FULL} next page.`);
  });
});
