/**
 * Items that are only part of a procedure: its further levels ("2nd level", "each additional
 * level"), its image guidance ("fluoroscopic guidance") or its sedation or anaesthesia. On their
 * own they name no service; they go with the injection or operation the same letter requests,
 * in both taxonomies (an operation's are DWC's Adjunct Surgical Services).
 */
import type { DwcPlacement, ItemServiceAnalysis, ServiceAnalysis, ServiceCategory } from '../../../shared/vocabulary.ts';

const ADD_ON = new RegExp(
  String.raw`^\W*(?:(?:\d+\s*(?:st|nd|rd|th)|first|second|third|each\s+add(?:itiona|['’])?l|ea\.?\s+add(?:itiona|['’])?l|additional)\s+levels?` +
    String.raw`|(?:fluoroscop\w*|ultrasound|CT|imaging)(?:\s+guid\w*)?` +
    String.raw`|(?:IV|intravenous|conscious|moderate|monitored)?\s*(?:sedation|an(?:a)?esthesia(?:\s+care)?)|MAC)\W*$`,
  'i',
);

const PROCEDURES: ReadonlySet<ServiceCategory> = new Set(['injection-or-nerve-block', 'surgery']);
const ADJUNCT: DwcPlacement = { category: 'surgery', subCategory: 'surgery/adjunct-surgical-services', rule: 'with-procedure' };

/** `texts`: each item's service text, in the order of `items`. */
export function placeAddOns(items: readonly ItemServiceAnalysis[], texts: readonly (string | null)[]): ItemServiceAnalysis[] {
  const addOn = items.map((item, index) => item.service.drugs.length === 0 && ADD_ON.test(texts[index] ?? ''));
  const procedure = items.find((item, index) => !addOn[index] && PROCEDURES.has(item.service.category.value))?.service;
  if (!procedure) return [...items];
  return items.map((item, index) => (addOn[index] ? { ...item, service: withProcedure(item.service, procedure) } : item));
}

function withProcedure(service: ServiceAnalysis, procedure: ServiceAnalysis): ServiceAnalysis {
  const category = procedure.category.value;
  return {
    ...service,
    category: { value: category, rule: 'with-procedure', span: service.category.span },
    dwc: category === 'surgery' ? ADJUNCT : { ...procedure.dwc, rule: 'with-procedure' },
    warnings: service.warnings.filter((warning) => warning.code !== 'category-unmatched'),
  };
}
