/** What the stored facet values and decision months are called in charts, tables and the queue: short, since they label bars. */
import type { Facet } from './derived.ts';
import { dwcCategoryLabel, dwcDrugClassLabel, dwcPlacementLabel } from './dwcTaxonomy.ts';
import type { CitationSource, DrugClass, MtusPart, ServiceCategory } from './vocabulary.ts';

const CATEGORY_LABELS: Record<ServiceCategory, string> = {
  'prescription-drug': 'Prescription drug',
  'compounded-topical-drug': 'Compounded / topical drug',
  'physical-therapy': 'Physical therapy',
  chiropractic: 'Chiropractic',
  acupuncture: 'Acupuncture',
  psychological: 'Psychological',
  imaging: 'Imaging / electrodiagnostic',
  'injection-or-nerve-block': 'Injection / nerve block',
  surgery: 'Surgery',
  'durable-medical-equipment': 'Medical equipment (DME)',
  laboratory: 'Laboratory',
  'consultation-or-referral': 'Consultation / referral',
  programme: 'Programme',
  'home-health-or-nursing': 'Home health / nursing',
  other: 'Other service',
};

const DRUG_CLASS_LABELS: Record<DrugClass, string> = {
  opioid: 'Opioid',
  nsaid: 'NSAID',
  'muscle-relaxant': 'Muscle relaxant',
  anticonvulsant: 'Anticonvulsant',
  antidepressant: 'Antidepressant',
  topical: 'Topical (non-opioid)',
  'proton-pump-inhibitor': 'Proton-pump inhibitor',
  'sleep-aid': 'Sleep aid',
  other: 'Other drug',
};

const SOURCE_LABELS: Record<CitationSource, string> = {
  mtus: 'MTUS',
  odg: 'ODG',
  acoem: 'ACOEM outside the MTUS',
  other: 'Other evidence',
  'no-evidence': 'No evidence cited',
};

const MTUS_PART_LABELS: Record<MtusPart, string> = {
  'acoem-2004': 'ACOEM 2nd ed. (2004)',
  acupuncture: 'Acupuncture (2007)',
  'chronic-pain': 'Chronic Pain (2009, 2016)',
  postsurgical: 'Postsurgical (2009)',
  opioids: 'Opioids (2016)',
  'acoem-by-reference': 'ACOEM by reference (Dec 2017-)',
  'drug-formulary': 'Drug Formulary (2018-)',
};

const EVIDENCE_LABELS: Record<string, string> = {
  cited: 'Cites evidence',
  'none-cited': 'Says none was cited',
  missing: 'No guideline text',
};

const LABELS: Partial<Record<Facet, Readonly<Record<string, string>>>> = {
  category: CATEGORY_LABELS,
  'drug-class': DRUG_CLASS_LABELS,
  'maximus-source': SOURCE_LABELS,
  'ca-source': SOURCE_LABELS,
  'maximus-mtus-part': MTUS_PART_LABELS,
  'ca-evidence': EVIDENCE_LABELS,
};

const DWC_LABELS: Partial<Record<Facet, (id: string) => string | undefined>> = {
  'dwc-category': dwcCategoryLabel,
  'dwc-sub-category': dwcPlacementLabel,
  'dwc-drug-class': dwcDrugClassLabel,
};

/** A facet value's label; values without one (drug names, chapter ids) read as stored. */
export function facetValueLabel(facet: Facet, value: string): string {
  return LABELS[facet]?.[value] ?? DWC_LABELS[facet]?.(value) ?? value;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2016-12" as "Dec 2016". */
export function monthLabel(month: string): string {
  const [year, number] = month.split('-');
  const name = MONTHS[Number(number) - 1];
  return name === undefined || year === undefined ? month : `${name} ${year}`;
}
