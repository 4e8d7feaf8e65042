/**
 * DWC's own treatment taxonomy: the Request Category, Sub Category and drug class its public
 * IMR decision search classifies every decided request by, and its annual figures are counted
 * in (values as the search form offers them; the form's spelling kept in the labels). Kept
 * beside the project's own categories (vocabulary.ts), which libraries, filters and exports
 * already use. The rules that place a service or drug here are the vocabulary's
 * (src/main/letters/vocabulary/data/dwcRules.ts, data/drugs.ts).
 */

export const DWC_REQUEST_CATEGORIES = [
  { id: 'dmepos', label: 'DMEPOS' },
  { id: 'diagnostic-testing', label: 'Diagnostic Testing' },
  { id: 'evaluation-and-management', label: 'Evaluation & Management' },
  { id: 'home-health', label: 'Home Health' },
  { id: 'injection', label: 'Injection' },
  { id: 'pharmaceuticals', label: 'Pharmaceuticals' },
  { id: 'programs', label: 'Programs' },
  { id: 'psych-services', label: 'Psych Services' },
  { id: 'rehabilitation', label: 'Rehabilitation' },
  { id: 'surgery', label: 'Surgery' },
  { id: 'therapies', label: 'Therapies' },
  { id: 'transportation', label: 'Transportation' },
  { id: 'unclassified', label: 'Not classified' },
] as const;
export type DwcRequestCategory = (typeof DWC_REQUEST_CATEGORIES)[number]['id'];

export const DWC_DRUG_CLASSES = [
  { id: 'adrenal-cortical-steroids', label: 'Adrenal Cortical Steroids' },
  { id: 'alpha-blocker', label: 'Alpha-blocker' },
  { id: 'androgens-and-anabolic-steroids', label: 'Androgens & Anabolic Steroids' },
  { id: 'anti-coagulant', label: 'Anti-coagulant' },
  { id: 'anti-epilepsy-drugs', label: 'Anti-epilepsy drugs' },
  { id: 'anti-infectives', label: 'Anti-infectives' },
  { id: 'antianxiety', label: 'AntiAnxiety' },
  { id: 'antidepressant', label: 'Antidepressant' },
  { id: 'antidiabetics', label: 'Antidiabetics' },
  { id: 'antiemetic', label: 'Antiemetic' },
  { id: 'antihistamine', label: 'Antihistamine' },
  { id: 'antihypertensive', label: 'Antihypertensive' },
  { id: 'antimigraine-agent', label: 'Antimigraine Agent' },
  { id: 'asthma-medications', label: 'Asthma Medications' },
  { id: 'atypical-antipsychotic', label: 'Atypical Antipsychotic' },
  { id: 'barbiturates', label: 'Barbiturates' },
  { id: 'benzodiazepines', label: 'Benzodiazepines' },
  { id: 'beta-blocker', label: 'Beta-blocker' },
  { id: 'bisphosphonates', label: 'Bisphosphonates' },
  { id: 'calcium-channel-blocker', label: 'Calcium Channel Blocker' },
  { id: 'cannabinoids', label: 'Cannabinoids' },
  { id: 'dopamine-agonists', label: 'Dopamine agonists' },
  { id: 'fibric-acid', label: 'Fibric Acid' },
  { id: 'gi-agents', label: 'GI Agents' },
  { id: 'h2-blocker', label: 'H2 Blocker' },
  { id: 'hormones', label: 'Hormones' },
  { id: 'impotence-agents', label: 'Impotence Agents' },
  { id: 'injection', label: 'Injection' },
  { id: 'misc-analgesics', label: 'Misc Analgesics' },
  { id: 'muscle-relaxant', label: 'Muscle Relaxant' },
  { id: 'nsaid', label: 'NSAID' },
  { id: 'nutritional-products', label: 'Nutritional Products' },
  { id: 'opioids', label: 'Opioids' },
  { id: 'opioid-antagonist', label: 'Opioid Antagonist' },
  { id: 'proton-pump-inhibitors', label: 'Proton Pump Inhibitors' },
  { id: 'sedative-hypnotics', label: 'Sedative-hypnotics' },
  { id: 'statin', label: 'Statin' },
  { id: 'stimulants', label: 'Stimulants' },
  { id: 'topical-analgesics', label: 'Topical Analgesics' },
  { id: 'topical-compounds', label: 'Topical Compounds' },
  { id: 'tnf-modifiers', label: 'Tumor necrosis factor (TNF) modifiers' },
  { id: 'viscosupplementation', label: 'Viscosupplementation' },
  { id: 'unclassified', label: 'Drug not in the table' },
] as const;
export type DwcDrugClass = (typeof DWC_DRUG_CLASSES)[number]['id'];

interface SubCategoryTerm {
  readonly id: string;
  readonly category: DwcRequestCategory;
  readonly label: string;
}

const sub = (category: DwcRequestCategory, slug: string, label: string): SubCategoryTerm => ({ id: `${category}/${slug}`, category, label });

/**
 * Every Sub Category, its id prefixed by its Request Category's. Pharmaceuticals' Sub Categories
 * are the drug classes, as on DWC's form: a drug item's Sub Category follows its drug class.
 */
export const DWC_SUB_CATEGORIES: readonly SubCategoryTerm[] = [
  sub('dmepos', 'dme', 'DME'),
  sub('dmepos', 'electrical-stimulation', 'Electrical Stimulation'),
  sub('dmepos', 'prosthetics-orthotics', 'Prosthetics/Orthotics'),
  sub('dmepos', 'supplies', 'Supplies'),
  sub('diagnostic-testing', 'imaging-radiology', 'Imaging / Radiology'),
  sub('diagnostic-testing', 'emg-ncv-ncs', 'EMG/NCV/NCS'),
  sub('diagnostic-testing', 'lab-pathology', 'Lab & Pathology'),
  sub('diagnostic-testing', 'other-diagnostic-tests', 'Other Diagnostic Tests'),
  sub('evaluation-and-management', 'medical-specialties', 'Medical Specialties'),
  sub('evaluation-and-management', 'dental-services', 'Dental Services'),
  sub('home-health', 'home-health', 'Home Health'),
  sub('injection', 'facet-injection', 'Facet Injection'),
  sub('injection', 'injection', 'Injection'),
  ...DWC_DRUG_CLASSES.map((drugClass) => sub('pharmaceuticals', drugClass.id, drugClass.label)),
  sub('programs', 'programs', 'Programs'),
  sub('psych-services', 'evaluation-and-management', 'Evaluation & Management'),
  sub('psych-services', 'therapies', 'Therapies'),
  sub('rehabilitation', 'acupuncture', 'Acupuncture'),
  sub('rehabilitation', 'chiropractic', 'Chiropractic'),
  sub('rehabilitation', 'pt-ot', 'Physical Therapy/Occupational Therapy (PT/OT)'),
  sub('rehabilitation', 'other-therapies', 'Other Therapies'),
  sub('surgery', 'adjunct-surgical-services', 'Adjunct Surgical Services'),
  sub('surgery', 'arthroscopic-surgery', 'Arthroscopic Surgery'),
  sub('surgery', 'non-arthroscopic-surgery', 'Non-arthroscopic Surgery'),
  sub('surgery', 'spine', 'Spine'),
  sub('surgery', 'surgical-consult', 'Surgical Consult'),
  sub('therapies', 'therapies', 'Therapies'),
  sub('therapies', 'other-therapies', 'Other Therapies'),
  sub('transportation', 'transportation', 'Transportation'),
  sub('unclassified', 'unclassified', 'Not classified'),
];
export type DwcSubCategory = string;

const SUB_CATEGORY_BY_ID = new Map(DWC_SUB_CATEGORIES.map((term) => [term.id, term]));

export function isDwcSubCategory(id: string): boolean {
  return SUB_CATEGORY_BY_ID.has(id);
}

/** The Request Category a Sub Category belongs to ('unclassified' for an unknown id). */
export function dwcCategoryOf(subCategory: string): DwcRequestCategory {
  return SUB_CATEGORY_BY_ID.get(subCategory)?.category ?? 'unclassified';
}

/** A drug item's Sub Category: its drug class under Pharmaceuticals. */
export function pharmaceuticalsSubCategory(drugClass: DwcDrugClass): string {
  return `pharmaceuticals/${drugClass}`;
}

const CATEGORY_LABELS: ReadonlyMap<string, string> = new Map(DWC_REQUEST_CATEGORIES.map((term) => [term.id, term.label]));
const DRUG_CLASS_LABELS: ReadonlyMap<string, string> = new Map(DWC_DRUG_CLASSES.map((term) => [term.id, term.label]));

export function dwcCategoryLabel(id: string): string | undefined {
  return CATEGORY_LABELS.get(id);
}

export function dwcSubCategoryLabel(id: string): string | undefined {
  return SUB_CATEGORY_BY_ID.get(id)?.label;
}

/** "Surgery / Spine": a Sub Category with its Request Category, since some Sub Category names recur ("Therapies"). */
export function dwcPlacementLabel(id: string): string | undefined {
  const term = SUB_CATEGORY_BY_ID.get(id);
  return term ? `${CATEGORY_LABELS.get(term.category) ?? term.category} / ${term.label}` : undefined;
}

export function dwcDrugClassLabel(id: string): string | undefined {
  return DRUG_CLASS_LABELS.get(id);
}
