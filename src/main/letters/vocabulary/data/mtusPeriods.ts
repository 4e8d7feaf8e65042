/**
 * When each part of the MTUS was in force, as data. Dates are ISO, both ends inclusive;
 * `to: null` means still in force. Each row names the order or regulation it comes from.
 *
 * Sources:
 * - [2007] 8 CCR 9792.20-9792.23 as first adopted, effective 15 June 2007 (ACOEM Practice
 *   Guidelines 2nd ed. 2004 and the Acupuncture Medical Treatment Guidelines); the DWC's
 *   Initial Statement of Reasons for 8 CCR 9792.24.2/9792.24.4 (2015) recalls that date.
 * - [2009] DWC rulemaking on 8 CCR 9792.20-9792.26, Final Statement of Reasons June 2009,
 *   effective 18 July 2009: Chronic Pain Medical Treatment Guidelines, Postsurgical Treatment
 *   Guidelines, and ACOEM's revised (2007) Elbow chapter in 8 CCR 9792.23.3.
 * - [2016] DWC order amending 8 CCR 9792.24.2 and adopting 9792.24.4 (Opioids Treatment
 *   Guidelines), in effect 28 July 2016 (applied to requests from 29 July 2016).
 * - [2017] DWC Administrative Director's order incorporating ACOEM's guidelines by reference,
 *   effective for services on or after 1 December 2017, which replaced the parts above except
 *   Acupuncture and Postsurgical (DWC MTUS page, dir.ca.gov/dwc/DWCPropRegs/Medical-Treatment-Utilization-Schedule).
 * - [2018] 8 CCR 9792.27.1 ff., MTUS Drug Formulary, effective 1 January 2018.
 *
 * The ACOEM guidelines adopted by reference are kept as one period: the letters print a
 * publication year, and later orders (2019, 2020, 2021) replaced single chapters, so a year as
 * printed does not reliably name one adopted version (MAXIMUS's own list gives two years for
 * one Knee version).
 */
import type { MtusPart } from '../../../../shared/vocabulary.ts';

export interface MtusPeriod {
  readonly part: MtusPart;
  /** The edition as letters print it; null for every edition of the part. */
  readonly edition: string | null;
  /** Only for this topic (the Elbow chapter was replaced on its own). */
  readonly topic?: string;
  readonly from: string;
  readonly to: string | null;
  readonly source: string;
}

export const MTUS_PERIODS: readonly MtusPeriod[] = [
  { part: 'acoem-2004', edition: '2004', from: '2007-06-15', to: '2017-11-30', source: '[2007] adopted; [2017] replaced' },
  { part: 'acoem-2004', edition: '2004', topic: 'elbow', from: '2007-06-15', to: '2009-07-17', source: '[2007] adopted; [2009] replaced by the 2007 revision' },
  { part: 'acoem-2004', edition: '2007', topic: 'elbow', from: '2009-07-18', to: '2017-11-30', source: '[2009] adopted; [2017] replaced' },
  { part: 'acupuncture', edition: '2007', from: '2007-06-15', to: null, source: '[2007] adopted' },
  { part: 'chronic-pain', edition: '2009', from: '2009-07-18', to: '2016-07-27', source: '[2009] adopted; [2016] revised' },
  { part: 'chronic-pain', edition: '2016', from: '2016-07-28', to: '2017-11-30', source: '[2016] revised; [2017] replaced' },
  { part: 'postsurgical', edition: '2009', from: '2009-07-18', to: null, source: '[2009] adopted' },
  { part: 'opioids', edition: '2016', from: '2016-07-28', to: '2017-11-30', source: '[2016] adopted; [2017] replaced' },
  { part: 'acoem-by-reference', edition: null, from: '2017-12-01', to: null, source: '[2017] adopted' },
  { part: 'drug-formulary', edition: null, from: '2018-01-01', to: null, source: '[2018] adopted' },
];
