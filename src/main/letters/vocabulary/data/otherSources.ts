/**
 * How a citation that is neither MTUS, ODG nor ACOEM is classified, tried in order: the first
 * kind whose pattern matches wins; a bare web address that none recognises is a `web-page`,
 * anything else `unclassified`.
 *
 * Sources: the names are those of the publishers and references themselves (FDA, CMS,
 * drugs.com, ...); the journal-citation shape ("Author AB, et al. Journal. 2010;35:12-19")
 * is the NLM/Vancouver style of PubMed citations.
 */
import type { OtherSourceKind } from '../../../../shared/vocabulary.ts';

export interface OtherSourceRule {
  readonly kind: Exclude<OtherSourceKind, 'web-page' | 'unclassified'>;
  readonly pattern: RegExp;
}

export const OTHER_SOURCE_RULES: readonly OtherSourceRule[] = [
  {
    kind: 'fda-label',
    pattern: /\bFDA\b|fda\.gov|Food and Drug Administration|prescribing information|package insert|medication guide|drug label|\blabel(?:ing)?\b|dailymed/i,
  },
  {
    kind: 'drug-reference',
    pattern: /drugs\.com|micromedex|epocrates|lexi-?comp|medscape|\bPDR\b|physicians'? desk reference|uptodate|rxlist|facts (?:and|&) comparisons|clinical pharmacology|medlineplus|webmd/i,
  },
  {
    kind: 'payer-policy',
    pattern: /medicare|medicaid|\bCMS\b|cms\.gov|aetna|cigna|anthem|blue cross|\bBCBS\b|unitedhealth|humana|clinical policy bulletin|coverage (?:policy|determination)|\b[LN]CD\b|fee schedule/i,
  },
  {
    kind: 'journal-article',
    pattern: /\bet al\b|\bdoi\b|\bPMID\b|pubmed|ncbi\.nlm|\bjournal\b|\b(?:19|20)\d{2}\s*;\s*\d+|\bJ\s+(?:Bone|Pain|Occup|Am|Clin|Neurosurg|Spinal)\b|\bN Engl J Med\b|\bJAMA\b|\bLancet\b|\bBMJ\b|\bCochrane\b|\bSpine\s*\(Phila/i,
  },
  {
    kind: 'other-guideline',
    pattern: /guidelines?\b|health system|\bsociety\b|\bassociation\b|\bcollege\b|\bacademy\b|\binstitute\b|\bAAOS\b|\bNICE\b|\bAHRQ\b|\bCDC\b|clearinghouse|consensus|position statement|recommendations|protocol/i,
  },
];

/** A web address, without the full stop or bracket that may follow it. */
export const WEB_ADDRESS = /(?:https?:\/\/|www\.)[^\s,;]*[^\s,;.)]/gi;
