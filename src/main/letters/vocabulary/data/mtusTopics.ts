/**
 * The parts and chapters the MTUS (and ACOEM outside it) is cited by, with the spellings the
 * letters use. A topic is the subject ("low-back"); the part is the legal instrument, chosen
 * by the edition printed, or by the spelling when no edition is printed ("Low Back
 * Complaints" is the 2004 ACOEM chapter, "Low Back Disorders" an ACOEM guideline adopted by
 * reference from 2017).
 *
 * Sources: 8 CCR 9792.22-9792.24.4 (the part and chapter names); the ACOEM Practice
 * Guidelines, 2nd ed. (2004), table of contents (chapter numbers, cited as "Chapter 12 Low Back
 * Complaints"); the DWC order effective 1 Dec 2017 and later orders (ACOEM guideline names and
 * publication years); MAXIMUS's citation vocabulary (maximus-dp4bi/archive-maxdat,
 * BPM/CADIR/patch/20191022_1620_Get_Citation_Desc.sql), whose spellings, typos included, are
 * what the letters print.
 */
import type { MtusPart } from '../../../../shared/vocabulary.ts';

export interface MtusTopic {
  readonly id: string;
  readonly name: string;
  /** Each spelling, with the part it means when no edition is printed. */
  readonly aliases: Readonly<Record<string, MtusPart>>;
  /** Editions as printed and the part each belongs to; absent when any edition is accepted. */
  readonly editions?: Readonly<Record<string, MtusPart>>;
  /** The chapter numbers of the ACOEM 2nd edition (2004). */
  readonly acoemChapters?: readonly number[];
  /** A one-word name ("Eye", "Opioids") that starts a new citation inside a list only when a year follows it. */
  readonly weak?: boolean;
}

const A04 = 'acoem-2004';
const REF = 'acoem-by-reference';

export const MTUS_TOPICS: readonly MtusTopic[] = [
  {
    id: 'general-approaches', name: 'General Approaches', acoemChapters: [1, 2, 3, 4, 5, 6, 7],
    aliases: { 'General Approaches': A04 }, editions: { 2004: A04 },
  },
  {
    id: 'prevention', name: 'Prevention', weak: true, acoemChapters: [1],
    aliases: { Prevention: REF }, editions: { 2004: A04, 2011: REF, 2018: REF },
  },
  {
    id: 'initial-assessment', name: 'General Approach to Initial Assessment and Documentation', acoemChapters: [2],
    aliases: { 'General Approach to Initial Assessment and Documentation': REF }, editions: { 2004: A04, 2016: REF, 2018: REF },
  },
  {
    id: 'initial-approaches', name: 'Initial Approaches to Treatment', acoemChapters: [3],
    aliases: { 'Initial Approaches to Treatment': REF }, editions: { 2004: A04, 2017: REF, 2022: REF },
  },
  {
    id: 'cornerstones', name: 'Cornerstones of Disability Prevention and Management', acoemChapters: [5],
    aliases: { 'Cornerstones of Disability Prevention and Management': REF }, editions: { 2004: A04, 2011: REF, 2018: REF },
  },
  {
    id: 'neck-upper-back', name: 'Neck and Upper Back', acoemChapters: [8],
    aliases: {
      'Neck and Upper Back Complaints': A04, 'Neck and Upper Back Disorders': REF,
      'Cervical and Thoracic Spine Disorders': REF, 'Cervical and Thoracic Spine': REF,
    },
    editions: { 2004: A04, 2016: REF, 2018: REF, 2019: REF },
  },
  {
    id: 'shoulder', name: 'Shoulder', acoemChapters: [9],
    aliases: { 'Shoulder Complaints': A04, 'Shoulder Disorders': REF }, editions: { 2004: A04, 2016: REF },
  },
  {
    id: 'elbow', name: 'Elbow', acoemChapters: [10],
    aliases: { 'Elbow Complaints': A04, 'Elbow Disorders': REF },
    editions: { 2004: A04, 2007: A04, 2013: REF, 2018: REF, 2019: REF },
  },
  {
    id: 'forearm-wrist-hand', name: 'Forearm, Wrist, and Hand', acoemChapters: [11],
    aliases: {
      'Forearm, Wrist, and Hand Complaints': A04, 'Forewarm, Wrist, and Hand Complaints': A04,
      'Hand, Wrist, and Forearm Disorders': REF, 'Forearm, Wrist, and Hand Disorders': REF,
    },
    editions: { 2004: A04, 2016: REF, 2019: REF },
  },
  {
    id: 'low-back', name: 'Low Back', acoemChapters: [12],
    aliases: { 'Low Back Complaints': A04, 'Low Back Disorders': REF }, editions: { 2004: A04, 2016: REF, 2019: REF, 2020: REF },
  },
  {
    id: 'knee', name: 'Knee', acoemChapters: [13],
    aliases: { 'Knee Complaints': A04, 'Knee Disorders': REF }, editions: { 2004: A04, 2015: REF, 2019: REF, 2020: REF },
  },
  {
    id: 'ankle-foot', name: 'Ankle and Foot', acoemChapters: [14],
    aliases: { 'Ankle and Foot Complaints': A04, 'Ankle and Foot Disorders': REF }, editions: { 2004: A04, 2015: REF, 2018: REF, 2019: REF },
  },
  {
    id: 'stress-related', name: 'Stress-Related Conditions', acoemChapters: [15],
    aliases: { 'Stress-Related Conditions': A04 }, editions: { 2004: A04 },
  },
  {
    id: 'eye', name: 'Eye', weak: true, acoemChapters: [16],
    aliases: { Eye: A04, 'Eye Disorders': REF }, editions: { 2004: A04, 2017: REF },
  },
  { id: 'hip-groin', name: 'Hip and Groin', aliases: { 'Hip and Groin Disorders': REF, 'Hip and Groin': REF }, editions: { 2011: REF, 2019: REF } },
  {
    id: 'work-related-asthma', name: 'Occupational/Work-Related Asthma',
    aliases: { 'Occupational/Work-Related Asthma Medical Treatment': REF, 'Occupational/Work-Related Asthma': REF, 'Work-Related Asthma': REF },
    editions: { 2016: REF, 2020: REF },
  },
  {
    id: 'interstitial-lung-disease', name: 'Occupational Interstitial Lung Disease',
    aliases: { 'Occupational Interstitial Lung Disease': REF }, editions: { 2016: REF, 2019: REF, 2020: REF },
  },
  { id: 'traumatic-brain-injury', name: 'Traumatic Brain Injury', aliases: { 'Traumatic Brain Injury': REF }, editions: { 2017: REF, 2018: REF } },
  {
    id: 'ptsd', name: 'Posttraumatic Stress Disorder and Acute Stress Disorder',
    aliases: {
      'Posttraumatic Stress Disorder and Acute Stress Disorder': REF,
      'Workplace Mental Health: Posttraumatic Stress Disorder and Acute Stress Disorder': REF,
    },
    editions: { 2018: REF, 2019: REF },
  },
  {
    id: 'workplace-mental-health', name: 'Workplace Mental Health: Introduction',
    aliases: { 'Introduction to the Workplace Mental Health': REF, 'Workplace Mental Health: Introduction': REF }, editions: { 2019: REF },
  },
  {
    id: 'depressive-disorders', name: 'Workplace Mental Health: Depressive Disorders',
    aliases: { 'Workplace Mental Health: Depressive Disorders': REF, 'Depressive Disorders': REF }, editions: { 2020: REF },
  },
  {
    id: 'anxiety-disorders', name: 'Workplace Mental Health: Anxiety Disorders',
    aliases: { 'Workplace Mental Health: Anxiety Disorders': REF, 'Anxiety Disorders': REF }, editions: { 2021: REF },
  },
  { id: 'antiemetics', name: 'Antiemetics', weak: true, aliases: { Antiemetics: REF }, editions: { 2020: REF } },
  { id: 'covid-19', name: 'Coronavirus (COVID-19)', aliases: { 'Coronavirus (COVID-19)': REF, 'COVID-19': REF }, editions: { 2021: REF } },
  {
    id: 'chronic-pain', name: 'Chronic Pain',
    aliases: {
      'Chronic Pain Medical Treatment Guidelines': 'chronic-pain', 'Chronic Pain Medical Treatment': 'chronic-pain',
      'Chronic Pain Treatment Guidelines': 'chronic-pain', 'Chronic Pain Guidelines': 'chronic-pain', 'Chronic Pain': REF,
    },
    editions: { 2009: 'chronic-pain', 2016: 'chronic-pain', 2017: REF },
  },
  {
    id: 'opioids', name: 'Opioids', weak: true,
    aliases: {
      'Opioids Treatment Guidelines': 'opioids', 'Opioid Treatment Guidelines': 'opioids', 'Opioids Treatment': 'opioids',
      'Opioid Treatment': 'opioids', Opioids: REF,
    },
    editions: { 2016: 'opioids', 2017: REF },
  },
  {
    id: 'acupuncture', name: 'Acupuncture', weak: true,
    aliases: {
      'Acupuncture Medical Treatment Guidelines': 'acupuncture', 'Acupuncture Medical Treatment': 'acupuncture',
      'Acupuncture Treatment Guidelines': 'acupuncture', 'Acupuncture Treatment': 'acupuncture',
      'Accupuncture Treatment': 'acupuncture', 'Acupuncture Guidelines': 'acupuncture', Acupuncture: 'acupuncture',
    },
    editions: { 2007: 'acupuncture' },
  },
  {
    id: 'postsurgical', name: 'Postsurgical Treatment',
    aliases: {
      'Postsurgical Treatment Guidelines': 'postsurgical', 'Postsurgical Treatment': 'postsurgical',
      'Post-surgical Treatment Guidelines': 'postsurgical', 'Post-surgical Treatment': 'postsurgical',
      'Postsurgical Guidelines': 'postsurgical',
    },
    editions: { 2009: 'postsurgical' },
  },
  {
    id: 'drug-formulary', name: 'Drug Formulary',
    aliases: { 'Drug Formulary': 'drug-formulary', 'MTUS Drug Formulary': 'drug-formulary', 'MTUS Drug List': 'drug-formulary', 'Drug List': 'drug-formulary' },
  },
];
