/**
 * The chapters of the Official Disability Guidelines (ODG, "Treatment in Workers' Comp") and
 * the named guideline sets letters cite, with the spellings seen in letters ("Knee & Leg",
 * "Knee and Leg", "Low Back - Lumbar & Thoracic (Acute & Chronic)"). Suffixes such as
 * "Chapter", "section", "(Acute & Chronic)" and "(updated 11/22/16)" are read apart, so
 * they are not listed here.
 *
 * Sources: the ODG chapter list of the Work Loss Data Institute's Treatment in Workers' Comp
 * (chapter titles as ODG prints them); ../shared/letters/FORMATS.md and ../shared/domain/README.md
 * (the spellings letters use); the ODG Preface, which holds the Physical Therapy Guidelines.
 */

export interface OdgChapter {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  /** A guideline set that spans chapters (Physical Therapy Guidelines) rather than a chapter. */
  readonly set?: boolean;
}

export const ODG_CHAPTERS: readonly OdgChapter[] = [
  { id: 'ankle-foot', name: 'Ankle & Foot', aliases: ['Ankle & Foot', 'Ankle and Foot', 'Foot & Ankle', 'Ankle/Foot', 'Ankle'] },
  { id: 'burns', name: 'Burns', aliases: ['Burns'] },
  { id: 'carpal-tunnel', name: 'Carpal Tunnel Syndrome', aliases: ['Carpal Tunnel Syndrome', 'Carpal Tunnel'] },
  { id: 'diabetes', name: 'Diabetes', aliases: ['Diabetes'] },
  { id: 'elbow', name: 'Elbow', aliases: ['Elbow'] },
  { id: 'eye', name: 'Eye', aliases: ['Eye'] },
  {
    id: 'forearm-wrist-hand', name: 'Forearm, Wrist, & Hand',
    aliases: ['Forearm, Wrist, & Hand', 'Forearm, Wrist and Hand', 'Forearm Wrist Hand', 'Forearm/Wrist/Hand', 'Wrist & Hand', 'Wrist/Hand', 'Hand', 'Wrist'],
  },
  { id: 'head', name: 'Head', aliases: ['Head'] },
  { id: 'hernia', name: 'Hernia', aliases: ['Hernia'] },
  { id: 'hip-pelvis', name: 'Hip & Pelvis', aliases: ['Hip & Pelvis', 'Hip and Pelvis', 'Hip/Pelvis', 'Hip'] },
  { id: 'knee-leg', name: 'Knee & Leg', aliases: ['Knee & Leg', 'Knee and Leg', 'Knee/Leg', 'Knee', 'Leg'] },
  {
    id: 'low-back', name: 'Low Back - Lumbar & Thoracic',
    aliases: ['Low Back - Lumbar & Thoracic', 'Low Back Lumbar and Thoracic', 'Lumbar & Thoracic', 'Low Back', 'Lower Back', 'Lumbar'],
  },
  { id: 'mental-illness-stress', name: 'Mental Illness & Stress', aliases: ['Mental Illness & Stress', 'Mental Illness', 'Mental Health', 'Stress'] },
  { id: 'neck-upper-back', name: 'Neck and Upper Back', aliases: ['Neck and Upper Back', 'Neck & Upper Back', 'Neck/Upper Back', 'Neck', 'Cervical'] },
  { id: 'pain', name: 'Pain (Chronic)', aliases: ['Pain (Chronic)', 'Chronic Pain', 'Pain'] },
  { id: 'pulmonary', name: 'Pulmonary', aliases: ['Pulmonary'] },
  { id: 'shoulder', name: 'Shoulder', aliases: ['Shoulder'] },
  { id: 'traumatic-brain-injury', name: 'Traumatic Brain Injury', aliases: ['Traumatic Brain Injury', 'TBI'] },
  {
    id: 'physical-therapy-guidelines', name: 'Physical Therapy Guidelines (Preface)', set: true,
    aliases: [
      'Preface - Physical Therapy Guidelines', 'Preface - Physical Therapy', 'Physical Therapy Guidelines',
      'Physical/Occupational Therapy Guidelines', 'Physical Medicine Guidelines', 'Preface',
    ],
  },
  { id: 'chiropractic-guidelines', name: 'Chiropractic Guidelines', set: true, aliases: ['Chiropractic Guidelines'] },
  { id: 'drug-formulary', name: 'ODG Drug Formulary (Appendix A)', set: true, aliases: ['Drug Formulary', 'Formulary', 'Appendix A'] },
];
