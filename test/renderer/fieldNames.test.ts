import { describe, expect, it } from 'vitest';
import { ITEM_FIELD_LABELS, LETTER_FIELD_LABELS } from '../../src/shared/fieldLabels.ts';
import { labelInSentence } from '../../src/renderer/src/fields.ts';
import { describeChange } from '../../src/renderer/src/history.ts';

const LABELS = Object.entries({ ...ITEM_FIELD_LABELS, ...LETTER_FIELD_LABELS });

describe('field names in notices', () => {
  it('read every field as labelled: a capital kept wherever the label has one after its first letter', () => {
    for (const [field, label] of LABELS) {
      const sentences = [
        describeChange('edit-field', { field, itemNumber: 2 }),
        describeChange('take-theirs', { field }),
        describeChange('bulk-edit', { field, to: 'x', count: 1, letterCount: 1 }),
      ];
      for (const sentence of sentences) {
        const named = /[A-Z]/.test(label.slice(1)) ? label : label.slice(1);
        expect(sentence).toContain(named);
        // Only the label's first letter may be lowered, and only where the label is in plain sentence case.
        expect(sentence.toLowerCase()).toContain(label.toLowerCase());
      }
    }
  });

  it('names a Claims Administrator guideline as the letters do, and a plain label in lower case', () => {
    expect(describeChange('edit-field', { field: 'claimsAdministratorGuideline', itemNumber: 1 })).toBe('Changed the Claims Administrator guideline of item 1');
    expect(describeChange('edit-field', { field: 'rationale', itemNumber: 1 })).toBe('Changed the decision rationale of item 1');
    expect(describeChange('edit-field', { field: 'urDenialDate' })).toBe('Changed the UR denial date');
    expect(labelInSentence('MAXIMUS guideline')).toBe('MAXIMUS guideline');
    expect(labelInSentence('IMR-eligible portion')).toBe('IMR-eligible portion');
    expect(labelInSentence('Authorized by claims administrator')).toBe('authorized by claims administrator');
  });
});
