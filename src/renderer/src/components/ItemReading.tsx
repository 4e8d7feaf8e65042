/**
 * What the domain vocabulary read in an item, under the field it read it from: the service's
 * category, drugs, sessions and body parts; each guideline's citations. The category and the
 * drug class can be corrected here, in the project's taxonomy and in DWC's (one undoable change each, marked as corrected); the stretches
 * of the value each reading came from are marked in the value (`serviceMarks`, `guidelineMarks`).
 */
import type { ItemVocabulary, StructureKey } from '../../../shared/derived.ts';
import type { Span } from '../../../shared/letter.ts';
import type { GuidelineAnalysis, GuidelineCitation, ServiceAnalysis } from '../../../shared/vocabulary.ts';
import { DWC_DRUG_CLASSES, DWC_REQUEST_CATEGORIES, DWC_SUB_CATEGORIES, dwcDrugClassLabel, dwcPlacementLabel } from '../../../shared/dwcTaxonomy.ts';
import { DRUG_CLASSES, SERVICE_CATEGORIES } from '../../../shared/vocabulary.ts';

export interface StructureHandler {
  /** Sets (or with null, takes back) a reviewer's structured value on the item. */
  readonly onSetStructure: (itemId: number, key: StructureKey, value: string | null) => void;
}

const words = (id: string) => id.replaceAll('-', ' ');
const SOURCE_LABELS: Record<GuidelineCitation['source'], string> = { mtus: 'MTUS', odg: 'ODG', acoem: 'ACOEM', other: 'Other', 'no-evidence': 'No medical evidence cited' };

export function serviceMarks(service: ServiceAnalysis): Span[] {
  return [
    ...(service.category.span ? [service.category.span] : []),
    ...service.drugs.map((drug) => drug.span),
    ...(service.frequency ? [service.frequency.span] : service.count ? [service.count.span] : []),
    ...service.bodyParts.map((part) => part.span),
    ...service.spineLevels.map((levels) => levels.printed.span),
  ];
}

export function guidelineMarks(analysis: GuidelineAnalysis): Span[] {
  return analysis.citations.map((citation) => citation.span);
}

export interface ServiceReadingProps extends StructureHandler {
  readonly itemId: number;
  readonly number: number;
  readonly vocabulary: ItemVocabulary;
  readonly readOnly: boolean;
}

export function ServiceReading({ itemId, number, vocabulary, readOnly, onSetStructure }: ServiceReadingProps) {
  const service = vocabulary.service.service;
  const categoryCorrected = vocabulary.corrected.includes('category');
  const classCorrected = vocabulary.corrected.includes('drugClass');
  const dwcCorrected = vocabulary.corrected.includes('dwcSubCategory');
  const dwcClassCorrected = vocabulary.corrected.includes('dwcDrugClass');
  const sessions = service.frequency
    ? `${service.frequency.total.max} sessions (${service.frequency.perWeek.max}×${service.frequency.weeks.max})`
    : service.count
      ? `${service.count.max} sessions`
      : null;
  return (
    <div className="reading" aria-label={`Item ${number} service as read`}>
      <label className="reading-choice">
        Category
        <select
          aria-label={`Item ${number} service category`}
          value={vocabulary.category}
          disabled={readOnly}
          onChange={(event) => onSetStructure(itemId, 'category', event.target.value === service.category.value ? null : event.target.value)}
        >
          {SERVICE_CATEGORIES.map((term) => (
            <option key={term.id} value={term.id} title={term.description}>
              {words(term.id)}
            </option>
          ))}
        </select>
        {categoryCorrected && <Corrected onReset={readOnly ? null : () => onSetStructure(itemId, 'category', null)} read={words(service.category.value)} />}
      </label>
      <label className="reading-choice">
        DWC category
        <select
          aria-label={`Item ${number} DWC category`}
          value={vocabulary.dwcSubCategory}
          disabled={readOnly}
          onChange={(event) => onSetStructure(itemId, 'dwcSubCategory', event.target.value === service.dwc.subCategory ? null : event.target.value)}
        >
          {DWC_REQUEST_CATEGORIES.map((category) => (
            <optgroup key={category.id} label={category.label}>
              {DWC_SUB_CATEGORIES.filter((term) => term.category === category.id).map((term) => (
                <option key={term.id} value={term.id}>
                  {dwcPlacementLabel(term.id)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {dwcCorrected && <Corrected onReset={readOnly ? null : () => onSetStructure(itemId, 'dwcSubCategory', null)} read={dwcPlacementLabel(service.dwc.subCategory) ?? service.dwc.subCategory} />}
      </label>
      {service.drugs.map((drug, i) => (
        <span key={i} className="reading-chip" title={`As printed: ${drug.name.value}${drug.generic ? '' : ' (not in the drug table)'}`}>
          {[drug.generic ?? drug.name.value, drug.strength?.value, drug.form?.value, drug.quantity ? `#${drug.quantity.value}` : null, drug.refills ? `${drug.refills.value} refills` : null]
            .filter((part) => part)
            .join(' · ')}
        </span>
      ))}
      {service.drugs.length > 0 && (
        <label className="reading-choice">
          Drug class
          <select
            aria-label={`Item ${number} drug class`}
            value={vocabulary.drugClasses[0] ?? 'other'}
            disabled={readOnly}
            onChange={(event) => onSetStructure(itemId, 'drugClass', event.target.value === service.drugs[0]?.drugClass ? null : event.target.value)}
          >
            {DRUG_CLASSES.map((term) => (
              <option key={term.id} value={term.id} title={term.description}>
                {words(term.id)}
              </option>
            ))}
          </select>
          {classCorrected && <Corrected onReset={readOnly ? null : () => onSetStructure(itemId, 'drugClass', null)} read={service.drugs.map((drug) => words(drug.drugClass)).join(', ')} />}
        </label>
      )}
      {service.drugs.length > 0 && (
        <label className="reading-choice">
          DWC drug class
          <select
            aria-label={`Item ${number} DWC drug class`}
            value={vocabulary.dwcDrugClasses[0] ?? 'unclassified'}
            disabled={readOnly}
            onChange={(event) => onSetStructure(itemId, 'dwcDrugClass', event.target.value === service.drugs[0]?.dwcDrugClass ? null : event.target.value)}
          >
            {DWC_DRUG_CLASSES.map((term) => (
              <option key={term.id} value={term.id}>
                {term.label}
              </option>
            ))}
          </select>
          {dwcClassCorrected && (
            <Corrected onReset={readOnly ? null : () => onSetStructure(itemId, 'dwcDrugClass', null)} read={service.drugs.map((drug) => dwcDrugClassLabel(drug.dwcDrugClass) ?? drug.dwcDrugClass).join(', ')} />
          )}
        </label>
      )}
      {sessions && <span className="reading-chip">{sessions}</span>}
      {service.bodyParts.map((part, i) => (
        <span key={`b${i}`} className="reading-chip">
          {part.laterality ? `${part.laterality} ${part.name}` : part.name}
        </span>
      ))}
      {service.spineLevels.length > 0 && <span className="reading-chip">{service.spineLevels.flatMap((levels) => levels.levels).join(', ')}</span>}
    </div>
  );
}

function Corrected({ onReset, read }: { readonly onReset: (() => void) | null; readonly read: string }) {
  return (
    <span className="edited-mark" title={`Set by a reviewer; the vocabulary read ${read}`}>
      corrected
      {onReset && (
        <button type="button" className="link" onClick={onReset} aria-label={`Back to the vocabulary's reading, ${read}`}>
          reset
        </button>
      )}
    </span>
  );
}

export function GuidelineReading({ analysis, label }: { readonly analysis: GuidelineAnalysis; readonly label: string }) {
  if (analysis.citations.length === 0) return null;
  return (
    <div className="reading" aria-label={`${label} as read`}>
      {analysis.citations.map((citation, i) => (
        <span key={i} className={`reading-chip${citation.mapped ? '' : ' reading-unmapped'}`} title={citation.mapped ? citation.text : `Not every name in "${citation.text}" is in the vocabulary`}>
          {[
            SOURCE_LABELS[citation.source],
            citation.topic?.name ?? (citation.mtusPart ? words(citation.mtusPart) : null),
            citation.edition?.value,
            ...citation.locators.map((locator) => (locator.kind === 'page' ? `p. ${locator.value}` : locator.value)),
          ]
            .filter((part) => part)
            .join(' · ')}
        </span>
      ))}
    </div>
  );
}
