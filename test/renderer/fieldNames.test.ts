import { describe, expect, it } from 'vitest';
import { ITEM_FIELD_LABELS, LETTER_FIELD_LABELS } from '../../src/shared/fieldLabels.ts';
import { facetValueLabel } from '../../src/shared/insightLabels.ts';
import { DRUG_CLASSES, SERVICE_CATEGORIES } from '../../src/shared/vocabulary.ts';
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

describe('structured values in notices', () => {
  it('name every category and drug class by its label, never by its stored id', () => {
    for (const [field, terms, facet] of [
      ['category', SERVICE_CATEGORIES, 'category'],
      ['drugClass', DRUG_CLASSES, 'drug-class'],
    ] as const) {
      for (const term of terms) {
        const sentence = describeChange('set-structure', { field, itemNumber: 1, to: term.id });
        expect(sentence.toLowerCase()).toContain(` to ${facetValueLabel(facet, term.id).toLowerCase()}`);
        if (term.id.includes('-')) expect(sentence).not.toContain(term.id);
      }
    }
    expect(describeChange('set-structure', { field: 'category', itemNumber: 1, to: 'prescription-drug' })).toBe('Set the service category of item 1 to prescription drug');
    expect(describeChange('set-structure', { field: 'drugClass', itemNumber: 2, to: 'nsaid' })).toBe('Set the drug class of item 2 to NSAID');
    expect(describeChange('set-structure', { field: 'category', itemNumber: 1, to: null })).toBe("Set the service category of item 1 to the vocabulary's reading");
  });
});
