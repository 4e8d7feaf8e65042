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
 * - [2019a] DWC order updating ACOEM's Ankle and Foot, Cervical and Thoracic Spine, Elbow,
 *   Hand/Wrist/Forearm and Workplace Mental Health (PTSD and Acute Stress Disorder) chapters,
 *   effective 18 April 2019.
 * - [2019b] DWC order adopting ACOEM's Low Back Disorders of 7 March 2019, effective 11 August 2019.
 * - [2019c] DWC order adopting ACOEM's Hip and Groin Disorders of 24 April 2019, effective 7 October 2019.
 * - [2020] DWC order updating ACOEM's Knee, Work-Related Asthma and Interstitial Lung Disease
 *   chapters, effective 21 September 2020.
 * - [2021] DWC order adopting ACOEM's Low Back Disorders of 13 February 2020, effective 23 November 2021.
 *   (Dates as the DWC MTUS page and its newslines give them; ../shared/domain/README.md lists them.)
 *
 * The ACOEM guidelines adopted by reference run as one period for the part, and chapter by
 * chapter through the later orders. A chapter's rows give its publication year as the edition
 * only where the order names it (Low Back 2016, 2019 and 2020, Hip and Groin 2019); elsewhere a
 * year as printed does not reliably name one adopted version (MAXIMUS's own list gives two
 * years for one Knee version), so those rows hold for any edition printed.
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
  // ACOEM chapters by reference, through the 2019-2021 updates.
  ...(['ankle-foot', 'neck-upper-back', 'elbow', 'forearm-wrist-hand', 'ptsd', 'workplace-mental-health'] as const).flatMap((topic): MtusPeriod[] => [
    { part: 'acoem-by-reference', edition: null, topic, from: '2017-12-01', to: '2019-04-17', source: '[2017] adopted; [2019a] updated' },
    { part: 'acoem-by-reference', edition: null, topic, from: '2019-04-18', to: null, source: '[2019a] updated' },
  ]),
  { part: 'acoem-by-reference', edition: '2016', topic: 'low-back', from: '2017-12-01', to: '2019-08-10', source: '[2017] adopted; [2019b] replaced' },
  { part: 'acoem-by-reference', edition: '2019', topic: 'low-back', from: '2019-08-11', to: '2021-11-22', source: '[2019b] adopted; [2021] replaced' },
  { part: 'acoem-by-reference', edition: '2020', topic: 'low-back', from: '2021-11-23', to: null, source: '[2021] adopted' },
  { part: 'acoem-by-reference', edition: null, topic: 'hip-groin', from: '2017-12-01', to: '2019-10-06', source: '[2017] adopted; [2019c] replaced' },
  { part: 'acoem-by-reference', edition: '2019', topic: 'hip-groin', from: '2019-10-07', to: null, source: '[2019c] adopted' },
  ...(['knee', 'work-related-asthma', 'interstitial-lung-disease'] as const).flatMap((topic): MtusPeriod[] => [
    { part: 'acoem-by-reference', edition: null, topic, from: '2017-12-01', to: '2020-09-20', source: '[2017] adopted; [2020] updated' },
    { part: 'acoem-by-reference', edition: null, topic, from: '2020-09-21', to: null, source: '[2020] updated' },
  ]),
];
