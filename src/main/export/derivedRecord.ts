/**
 * What an export adds to each stored record: the rule checks' findings and each item's
 * structure (category, drugs, guideline citations), worked out from the exported values
 * themselves, so every export says what its own values mean whatever the library last stored.
 */
import type { ExportedLetter } from '../../shared/export.ts';
import type { CheckSettings } from '../letters/checks/index.ts';
import { runChecks } from '../letters/checks/index.ts';
import type { DerivableItem } from '../letters/derive.ts';
import { itemVocabulary } from '../letters/derive.ts';
import { exportedStructure } from '../letters/structureRecord.ts';

export function withDerived(letter: ExportedLetter, settings: CheckSettings): ExportedLetter {
  const items = letter.items.map(
    (item): DerivableItem => ({
      ...item,
      originalRequest: item.partial?.originalRequest ?? null,
      authorizedByClaimsAdministrator: item.partial?.authorizedByClaimsAdministrator ?? null,
      imrEligiblePortion: item.partial?.imrEligiblePortion ?? null,
      corrections: item.structureCorrections,
    }),
  );
  const checks = runChecks({ caseNumber: letter.caseNumber, header: letter.header, reviewerLicensure: letter.reviewerLicensure, items }, settings);
  return {
    ...letter,
    checks,
    items: letter.items.map((item, index) => ({ ...item, structure: exportedStructure(itemVocabulary(items[index] as DerivableItem)) })),
  };
}
