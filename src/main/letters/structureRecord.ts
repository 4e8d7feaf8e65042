/** An item's vocabulary in the compact shape the extraction record and the exports carry. */
import type { ItemVocabulary } from '../../shared/derived.ts';
import type { ExportedCitation, ExportedStructure } from '../../shared/export.ts';
import type { GuidelineAnalysis } from '../../shared/vocabulary.ts';
import { VOCABULARY_VERSION } from './vocabulary/index.ts';

export function exportedStructure(vocabulary: ItemVocabulary): ExportedStructure {
  const service = vocabulary.service.service;
  return {
    vocabularyVersion: VOCABULARY_VERSION,
    category: vocabulary.category,
    categoryCorrected: vocabulary.corrected.includes('category'),
    drugs: service.drugs.map((drug) => ({
      name: drug.name.value,
      generic: drug.generic,
      drugClass: vocabulary.corrected.includes('drugClass') ? (vocabulary.drugClasses[0] ?? drug.drugClass) : drug.drugClass,
      dwcDrugClass: vocabulary.corrected.includes('dwcDrugClass') ? (vocabulary.dwcDrugClasses[0] ?? drug.dwcDrugClass) : drug.dwcDrugClass,
      strength: drug.strength?.value ?? null,
      form: drug.form?.value ?? null,
      quantity: drug.quantity?.value ?? null,
      refills: drug.refills?.value ?? null,
    })),
    drugClasses: [...vocabulary.drugClasses],
    dwcCategory: vocabulary.dwcCategory,
    dwcSubCategory: vocabulary.dwcSubCategory,
    dwcCategoryCorrected: vocabulary.corrected.includes('dwcSubCategory'),
    dwcDrugClasses: [...vocabulary.dwcDrugClasses],
    sessions: service.frequency ? { perWeek: service.frequency.perWeek.max, weeks: service.frequency.weeks.max, total: service.frequency.total.max } : service.count ? { perWeek: null, weeks: null, total: service.count.max } : null,
    bodyParts: service.bodyParts.map((part) => ({ name: part.name, laterality: part.laterality })),
    spineLevels: service.spineLevels.flatMap((levels) => levels.levels),
    claimsAdministratorCitations: citationsOf(vocabulary.claimsAdministratorGuideline),
    maximusCitations: citationsOf(vocabulary.maximusGuideline),
    claimsAdministratorNoEvidence: vocabulary.claimsAdministratorGuideline.citations.some((citation) => citation.source === 'no-evidence'),
    claimsAdministratorNotBasedOnMtus: isNotBasedOnMtus(vocabulary.claimsAdministratorGuideline),
  };
}

/** Either wording: "did not base their decision on the MTUS", or "based their decision on recommendations outside of the MTUS". */
export function isNotBasedOnMtus(analysis: GuidelineAnalysis): boolean {
  return analysis.statements.some((statement) => statement.kind === 'not-based-on-mtus' || statement.kind === 'outside-mtus');
}

function citationsOf(analysis: GuidelineAnalysis): ExportedCitation[] {
  return analysis.citations.map((citation) => ({
    source: citation.source,
    mtusPart: citation.mtusPart,
    topic: citation.topic?.id ?? null,
    edition: citation.edition?.value ?? null,
    locators: citation.locators.map(({ kind, value }) => ({ kind, value })),
    text: citation.text,
    span: [citation.span[0], citation.span[1]],
  }));
}
