/**
 * Published figures on the DWC workers' compensation IMR program (decisions by MAXIMUS), kept
 * as data with their sources, for the insights to set beside a library's own figures. Taken
 * from the project's domain notes (shared/domain/README.md), which name each source; a figure
 * from a secondary summary says so. Sources count letters slightly differently, so every
 * figure keeps its source. Health-plan (DMHC) IMR figures are another program and never here.
 */
import type { DwcShareKey, ReferenceFigure } from '../../shared/insights.ts';

/** What each publisher counts: DWC reports treatment requests by report year, CWCI decisions by letter date. */
const CWCI = { publisher: "California Workers' Compensation Institute", short: 'CWCI', counts: 'IMR decision items, by letter date' };
const DWC = { publisher: "Division of Workers' Compensation", short: 'DWC', counts: 'treatment requests decided, by report year' };
const SUMMARIES = { publisher: 'Published IMR summaries', short: 'summaries', counts: 'as the summary reports it, without its base' };

const CWCI_2015_REPORT = { ...CWCI, title: 'IMR report, April 2015', where: null };
const CWCI_501 = { ...CWCI, title: 'press release id=501', where: 'cwci.org' };
const CWCI_2014_2017 = { ...CWCI, title: '"IMR 2014-2017" (2018)', where: null };
const CWCI_918 = { ...CWCI, title: 'press release id=918', where: 'cwci.org' };
const DWC_2017_REPORT = { ...DWC, title: '2017 annual IMR report', where: null };

const year = (y: number) => ({ from: y, to: y });

const FIGURES: readonly Omit<ReferenceFigure, 'dwc'>[] = [
  // 2014
  { id: 'upheld-2014-cwci', measure: 'upheld-share', years: year(2014), value: 0.91, printed: '91%', base: '137,781 letters', source: CWCI_2015_REPORT, secondary: false },
  { id: 'items-2014-cwci', measure: 'items-per-letter', years: year(2014), value: 1.89, printed: '1.89', base: '260,889 items in 137,781 letters', source: CWCI_2015_REPORT, secondary: false },
  { id: 'drugs-2014-cwci', measure: 'drug-share', years: year(2014), value: 0.45, printed: 'about 45%', base: '260,889 items', source: CWCI_2015_REPORT, secondary: false },
  // 2015
  { id: 'upheld-2015-cwci', measure: 'upheld-share', years: year(2015), value: 0.886, printed: '88.6%', base: '163,826 letters', source: CWCI_501, secondary: false },
  { id: 'items-2015-cwci', measure: 'items-per-letter', years: year(2015), value: 1.86, printed: '1.86', base: 'over 304,000 items in 163,826 letters', source: CWCI_501, secondary: false },
  { id: 'multi-2015-cwci', measure: 'multi-item-letters', years: year(2015), value: 0.39, printed: '39%', base: '163,826 letters', source: CWCI_501, secondary: false },
  { id: 'drugs-2015-cwci', measure: 'drug-share', years: year(2015), value: 0.5, printed: 'about half', base: 'over 304,000 items', source: CWCI_501, secondary: false },
  // 2016
  { id: 'upheld-2016-cwci', measure: 'upheld-share', years: year(2016), value: 0.912, printed: '91.2%', base: '176,002 letters', source: CWCI_2014_2017, secondary: false },
  { id: 'overturned-2016-dwc', measure: 'overturned-share', years: year(2016), value: 0.084, printed: '8.4% overturned', base: '176,002 letters', source: DWC_2017_REPORT, secondary: false },
  { id: 'drugs-2016-dwc', measure: 'drug-share', years: year(2016), value: 0.479, printed: '47.9%', base: null, source: DWC_2017_REPORT, secondary: false },
  // 2017
  { id: 'upheld-2017-cwci', measure: 'upheld-share', years: year(2017), value: 0.912, printed: '91.2%', base: '172,194 letters', source: CWCI_2014_2017, secondary: false },
  { id: 'drugs-2017-cwci', measure: 'drug-share', years: year(2017), value: 0.46, printed: '46.0%', base: null, source: CWCI_2014_2017, secondary: false },
  {
    id: 'drugs-2017-cwci-later',
    measure: 'drug-share',
    years: year(2017),
    value: 0.473,
    printed: '47.3%',
    base: null,
    source: { ...CWCI, short: 'CWCI, later series', title: 'later series (revised 2017 figure)', where: null },
    secondary: false,
  },
  {
    id: 'opioids-2016-2017',
    measure: 'opioid-share-of-drugs',
    years: { from: 2016, to: 2017 },
    value: 0.3,
    printed: 'about 30%',
    base: null,
    source: { ...SUMMARIES, title: 'quoted in the domain notes without a named primary source', where: null },
    secondary: true,
  },
  // 2018 - 2021
  { id: 'upheld-2018-cwci', measure: 'upheld-share', years: year(2018), value: 0.9, printed: 'about 90%', base: '184,735 letters', source: CWCI_918, secondary: false },
  { id: 'items-2019-cwci', measure: 'items-per-letter', years: year(2019), value: 1.6, printed: '1.60', base: '261,708 items in 163,899 letters', source: CWCI_918, secondary: false },
  { id: 'items-2020-cwci', measure: 'items-per-letter', years: year(2020), value: 1.58, printed: '1.58', base: '215,788 items in 136,738 letters', source: CWCI_918, secondary: false },
  { id: 'items-2021-cwci', measure: 'items-per-letter', years: year(2021), value: 1.57, printed: '1.57', base: '209,782 items in 133,494 letters', source: CWCI_918, secondary: false },
  { id: 'upheld-2021-cwci', measure: 'upheld-share', years: year(2021), value: 0.92, printed: '92.0%', base: '133,494 letters', source: CWCI_918, secondary: false },
  {
    id: 'drugs-2021',
    measure: 'drug-share',
    years: year(2021),
    value: 0.35,
    printed: 'about 35%',
    base: null,
    source: { publisher: 'WorkCompWire', short: 'WorkCompWire', title: 'March 2022', where: null, counts: "CWCI's figure as the summary reports it" },
    secondary: true,
  },
  // 2022 - 2024
  ...(['upheld', 'drugs'] as const).map((kind): Omit<ReferenceFigure, 'dwc'> => ({
    id: `${kind}-2022-cwci`,
    measure: kind === 'upheld' ? 'upheld-share' : 'drug-share',
    years: year(2022),
    value: kind === 'upheld' ? 0.911 : 0.333,
    printed: kind === 'upheld' ? '91.1%' : '33.3%',
    base: '127,215 letters',
    source: { ...CWCI, title: '2023 report to the industry (secondary summary)', where: null },
    secondary: true,
  })),
  { id: 'overturned-2023-dwc', measure: 'overturned-share', years: year(2023), value: 0.102, printed: '10.2% overturned', base: '130,774 letters', source: { ...DWC, title: 'DIR news release 2024-48', where: null }, secondary: false },
  { id: 'drugs-2023-dwc', measure: 'drug-share', years: year(2023), value: 0.31, printed: '31%', base: '130,774 letters', source: { ...DWC, title: 'DIR news release 2024-48', where: null }, secondary: false },
  { id: 'overturned-2024-dwc', measure: 'overturned-share', years: year(2024), value: 0.127, printed: '12.7% overturned', base: '141,621 letters', source: { ...DWC, title: 'DIR news release 2025-36', where: null }, secondary: false },
  { id: 'drugs-2024-dwc', measure: 'drug-share', years: year(2024), value: 0.327, printed: '32.7%', base: '141,621 letters', source: { ...DWC, title: 'DIR news release 2025-36', where: null }, secondary: false },
  { id: 'opioids-2024-dwc', measure: 'opioid-share-of-drugs', years: year(2024), value: 0.239, printed: '23.9%', base: null, source: { ...DWC, title: 'DIR news release 2025-36', where: null }, secondary: false },
  // 2019 - 2023, further
  { id: 'drugs-2019-dwc', measure: 'drug-share', years: year(2019), value: 0.367, printed: '36.7%', base: 'about 164,000 letters', source: { ...DWC, title: 'DIR news release 2020-102', where: null }, secondary: false },
  { id: 'opioids-2019-dwc', measure: 'opioid-share-of-drugs', years: year(2019), value: 0.33, printed: 'nearly 1 in 3', base: null, source: { ...DWC, title: 'DIR news release 2020-102', where: null }, secondary: false },
  ...([['drugs', 'drug-share', 0.34, '34%'], ['opioids', 'opioid-share-of-drugs', 0.3, 'about 30%']] as const).map(([kind, measure, value, printed]) => ({
    id: `${kind}-2020-dwc`, measure, years: year(2020), value, printed, base: '136,740 letters',
    source: { ...DWC, title: 'annual IMR report on 2020 (via workcompacademy, April 2021)', where: null }, secondary: true,
  })),
  ...([['drugs', 'drug-share', 0.349, '34.9%'], ['opioids', 'opioid-share-of-drugs', 0.25, 'just over 25%']] as const).map(([kind, measure, value, printed]) => ({
    id: `${kind}-2021-cwci-summary`, measure, years: year(2021), value, printed, base: '133,494 letters',
    source: { ...CWCI, title: 'IMR figures on 2021 (secondary summaries)', where: null }, secondary: true,
  })),
  { id: 'opioids-2023-dwc', measure: 'opioid-share-of-drugs', years: year(2023), value: 0.26, printed: '26%', base: null, source: { ...DWC, title: 'DIR news release 2024-48', where: null }, secondary: false },
];

/** A prescription-drug share is DWC's Pharmaceuticals; an opioid share of drugs, its Opioids class. */
const DWC_KEYS: Partial<Record<ReferenceFigure['measure'], DwcShareKey>> = {
  'drug-share': { group: 'category', id: 'pharmaceuticals' },
  'opioid-share-of-drugs': { group: 'drug-class', id: 'opioids' },
};

const DIR_2025_36 = { ...DWC, title: 'DIR news release 2025-36', where: null };

const share = (id: string, key: DwcShareKey, value: number, printed: string): ReferenceFigure => ({
  id, measure: 'dwc-share', years: year(2024), dwc: key, value, printed, base: '141,621 letters', source: DIR_2025_36, secondary: false,
});

/** Shares published in DWC's taxonomy only (Request Categories, drug classes of Pharmaceuticals). */
const DWC_FIGURES: readonly ReferenceFigure[] = [
  share('rehabilitation-2024-dwc', { group: 'category', id: 'rehabilitation' }, 0.215, '21.5%'),
  share('diagnostics-2024-dwc', { group: 'category', id: 'diagnostic-testing' }, 0.116, '11.6%'),
  share('topical-analgesics-2024-dwc', { group: 'drug-class', id: 'topical-analgesics' }, 0.174, '17.4%'),
  share('muscle-relaxants-2024-dwc', { group: 'drug-class', id: 'muscle-relaxant' }, 0.163, '16.3%'),
];

export const REFERENCE_FIGURES: readonly ReferenceFigure[] = [...FIGURES.map((figure) => ({ ...figure, dwc: DWC_KEYS[figure.measure] ?? null })), ...DWC_FIGURES];
