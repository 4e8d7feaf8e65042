/**
 * Correcting a structured value the vocabulary read wrong (a service's category, a drug's
 * class, in the project's taxonomy or DWC's): kept beside the vocabulary's reading, marked as a person's, undoable, and never
 * overwritten by a re-parse.
 */
import type { StructureCorrections, StructureKey } from '../../shared/derived.ts';
import { STRUCTURE_KEYS } from '../../shared/derived.ts';
import { DWC_DRUG_CLASSES, DWC_SUB_CATEGORIES } from '../../shared/dwcTaxonomy.ts';
import { DRUG_CLASSES, SERVICE_CATEGORIES } from '../../shared/vocabulary.ts';
import type { Actor, ChangeOutcome, Db, LetterRef } from '../storage/index.ts';
import { InvalidEditError, writeStructureCorrections } from '../storage/index.ts';
import { change } from './derived.ts';
import { itemDetails, itemOfLetter } from './items.ts';

const ALLOWED: Record<StructureKey, readonly string[]> = {
  category: SERVICE_CATEGORIES.map((term) => term.id),
  drugClass: DRUG_CLASSES.map((term) => term.id),
  dwcSubCategory: DWC_SUB_CATEGORIES.map((term) => term.id),
  dwcDrugClass: DWC_DRUG_CLASSES.map((term) => term.id),
};

/** Sets one structured value of an item, or (null) goes back to the vocabulary's reading. */
export function setStructureValue(db: Db, actor: Actor, ref: LetterRef, itemId: number, key: StructureKey, value: string | null): ChangeOutcome<void> {
  if (!STRUCTURE_KEYS.includes(key)) throw new InvalidEditError(`"${key}" is not a structured value`);
  if (value !== null && !ALLOWED[key].includes(value)) throw new InvalidEditError(`A ${key} is one of ${ALLOWED[key].join(', ')}, not "${value}"`);
  return change(db, { letter: ref, action: 'set-structure', actor }, () => {
    const item = itemOfLetter(db, ref.letterId, itemId);
    const corrections: Record<string, string> = { ...item.structureCorrections };
    const from = corrections[key] ?? null;
    if (value === null) delete corrections[key];
    else corrections[key] = value;
    writeStructureCorrections(db, itemId, corrections as StructureCorrections);
    return { details: { ...itemDetails(item), field: key, from, to: value }, result: undefined };
  });
}
