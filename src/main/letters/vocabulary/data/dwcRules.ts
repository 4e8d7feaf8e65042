/**
 * The rules that place a service in DWC's taxonomy (src/shared/dwcTaxonomy.ts) once the
 * project's own rules have placed it in the project's: DWC's Sub Categories split the project's
 * categories further (equipment into DME, electrical stimulation, orthotics and supplies;
 * diagnostics into imaging, electrodiagnostics, laboratory and other tests; surgery by kind), and
 * join a few (an inpatient rehabilitation stay is rehabilitation to DWC, which has no facility
 * category). Per project category, the first rule whose pattern matches wins, else `otherwise`.
 * Each rule says why. Drugs are placed by their class (drugs.ts), not here.
 */
import type { ServiceCategory } from '../../../../shared/vocabulary.ts';

export interface DwcRule {
  readonly id: string;
  readonly subCategory: string;
  readonly pattern: RegExp;
  readonly why: string;
}

export interface DwcRules {
  readonly rules: readonly DwcRule[];
  readonly otherwise: { readonly subCategory: string; readonly why: string };
}

const rule = (id: string, subCategory: string, pattern: RegExp, why: string): DwcRule => ({ id, subCategory, pattern, why });

const SURGEON = /\b(?:surg(?:eon|ery|ical)|neurosurg\w*)\b/i;

export const DWC_RULES: Readonly<Record<Exclude<ServiceCategory, 'prescription-drug' | 'compounded-topical-drug'>, DwcRules>> = {
  'physical-therapy': {
    rules: [
      rule('speech-therapy', 'rehabilitation/other-therapies', /\bspeech(?:\s+and\s+language)?\s+therap\w*/i, 'Speech therapy is neither physical nor occupational therapy: Other Therapies.'),
    ],
    otherwise: { subCategory: 'rehabilitation/pt-ot', why: 'Therapy and physical-medicine modalities given in sessions are PT/OT, whatever device a modality uses.' },
  },
  chiropractic: { rules: [], otherwise: { subCategory: 'rehabilitation/chiropractic', why: 'Chiropractic care is a Rehabilitation Sub Category of its own.' } },
  acupuncture: { rules: [], otherwise: { subCategory: 'rehabilitation/acupuncture', why: 'Acupuncture is a Rehabilitation Sub Category of its own.' } },
  psychological: {
    rules: [
      rule('psych-therapy', 'psych-services/therapies', /\b(?:psychotherap\w*|therap\w*|training|CBT|cognitive\s+behavio(?:u)?ral|biofeedback|counsel(?:l)?ing|hypnotherapy|sessions?|visits?|group)\b/i,
        'Treatment given in sessions (psychotherapy, CBT, biofeedback) is Psych Services / Therapies.'),
    ],
    otherwise: { subCategory: 'psych-services/evaluation-and-management', why: 'A psychological evaluation, testing or consultation is Psych Services / Evaluation & Management.' },
  },
  imaging: {
    rules: [
      rule('electrodiagnostic', 'diagnostic-testing/emg-ncv-ncs', /\b(?:EMG|NCS|NCV|nerve\s+conduction|electromyogra\w*|electrodiagnostic)\b/i,
        'Electromyography and nerve conduction studies are their own Sub Category.'),
      rule('other-neurodiagnostic', 'diagnostic-testing/other-diagnostic-tests',
        /\b(?:EEG|electroencephalogra\w*|SSEP|somatosensory|evoked\s+potentials?|videonystagmograph\w*|VNG|audiogra\w*|audiometr\w*)\b/i,
        'Brain, evoked-potential and balance studies are neither imaging nor EMG/NCS: Other Diagnostic Tests.'),
    ],
    otherwise: { subCategory: 'diagnostic-testing/imaging-radiology', why: 'Scans, X-rays, MRI, CT and ultrasound are Imaging / Radiology.' },
  },
  laboratory: {
    rules: [
      rule('non-laboratory-test', 'diagnostic-testing/other-diagnostic-tests',
        /\b(?:EKG|ECG|electrocardiogra\w*|echocardiogra\w*|stress\s+test|sleep\s+study|polysomnogra\w*|pulmonary\s+function|spirometry|Holter|event\s+monitor|tilt\s+table|sudoscan|sudomotor|QSART|vestibular|audiogra\w*|audiometr\w*|hearing\s+test\w*|quantitative\s+sensory|autonomic)\b/i,
        'Heart, lung, sleep, nerve-function and hearing or balance studies test the patient, not a specimen: Other Diagnostic Tests.'),
    ],
    otherwise: { subCategory: 'diagnostic-testing/lab-pathology', why: 'Blood, urine and other specimen tests are Lab & Pathology.' },
  },
  'injection-or-nerve-block': {
    rules: [
      rule('facet', 'injection/facet-injection', /\b(?:facet|medial\s+branch|radiofrequency|RFA|rhizotomy|neurotomy|denervat\w*)\b/i,
        'Facet joint injections, medial branch blocks and their radiofrequency ablation are Facet Injection.'),
    ],
    otherwise: { subCategory: 'injection/injection', why: 'Every other injection or block (epidural, nerve root, trigger point, joint, PRP) is Injection.' },
  },
  surgery: {
    rules: [
      rule('adjunct', 'surgery/adjunct-surgical-services',
        /\b(?:assist\w*|co-?surgeon|(?<!under\s)an(?:a)?esthesi\w*|(?<!under\s)sedation|MAC|inpatient\s+(?:hospital\s+)?stay|hospital\s+stay|length\s+of\s+stay|hospitali[sz]ation|overnight\s+stay|days?\s+(?:inpatient|stay))\b/i,
        'Assistants at surgery, anaesthesia and the hospital stay serve an operation: Adjunct Surgical Services.'),
      rule('arthroscopic', 'surgery/arthroscopic-surgery', /\barthroscop\w*/i, 'An operation done through the arthroscope is Arthroscopic Surgery.'),
      rule('spine', 'surgery/spine',
        /\b(?:spin(?:e|al)|intrathecal|lumbar|cervical|thoracic|sacral|laminectomy|laminotomy|hemilaminectomy|discectomy|diskectomy|microdiscectomy|foraminotomy|corpectomy|kyphoplasty|vertebroplasty|intervertebral|ACDF|TLIF|PLIF|ALIF|XLIF|[CLT]\d{1,2}\s*-\s*[CLTS]?\d)\b/i,
        'An operation on the spine is Spine.'),
    ],
    otherwise: { subCategory: 'surgery/non-arthroscopic-surgery', why: 'Any other operation is Non-arthroscopic Surgery.' },
  },
  'durable-medical-equipment': {
    rules: [
      rule('named-supplies', 'dmepos/supplies', /\b(?:supplies|electrodes|batter(?:y|ies)|lead\s+wires?|conductive\s+garment|dressings?)\b/i,
        'What a device uses up (electrodes, batteries, dressings) is Supplies.'),
      rule('electrical-stimulation', 'dmepos/electrical-stimulation',
        /\b(?:TENS|EMS|NMES|H-?wave|interferential|IF\s+unit|muscle\s+stimulator|(?:neuro)?stimulator|e-?stim|electrical\s+(?:muscle\s+)?stimulation|microcurrent)\b/i,
        'A stimulator for home use is Electrical Stimulation.'),
      rule('powered-device', 'dmepos/dme', /\b(?:units?|machines?|devices?|system|rentals?|heat(?:ing)?\s+(?:therapy\s+)?pad|pump)\b/i,
        'A powered or rented device (cold therapy or compression unit, heating pad) is DME, with whatever wrap it comes with.'),
      rule('orthotic', 'dmepos/prosthetics-orthotics',
        /\b(?:braces?|bracing|\w*sling|splints?|orthos[ie]s|orthotics?|(?:back|lumbar|lumbosacral|knee|wrist|ankle|arch|cervical|shoulder)\s+supports?|supports?|collar|immobili[sz]er|boot|insoles|shoes?|prosthe(?:sis|ses|tic)|LSO|TLSO|CTLSO)\b/i,
        'Braces, supports, slings, splints and prostheses are Prosthetics/Orthotics.'),
      rule('accessory', 'dmepos/supplies', /\b(?:wraps?|pads?|garments?|sleeves?|stockings|kit|tape|packs?)\b/i,
        'Non-powered wraps, pads and garments (a wrap bought for a rented unit) are Supplies.'),
    ],
    otherwise: { subCategory: 'dmepos/dme', why: 'Reusable equipment (wheelchair, commode, bed, chair, workstation) is DME.' },
  },
  'consultation-or-referral': {
    rules: [
      rule('surgical-consult', 'surgery/surgical-consult', SURGEON, "A surgeon's evaluation or a transfer of care to a surgeon is Surgery / Surgical Consult."),
      rule('dental', 'evaluation-and-management/dental-services', /\b(?:dent(?:al|ist\w*)|oral\s+surg\w*|TMJ)\b/i, 'A dental evaluation is Dental Services.'),
      rule('psych-consult', 'psych-services/evaluation-and-management', /\b(?:psych\w*)\b/i, 'A psychiatric or psychological consultation is Psych Services / Evaluation & Management.'),
    ],
    otherwise: { subCategory: 'evaluation-and-management/medical-specialties', why: 'Visits, examinations, clearances and consultations of physicians are Medical Specialties.' },
  },
  programme: { rules: [], otherwise: { subCategory: 'programs/programs', why: 'Functional restoration, pain, detoxification and weight programmes are Programs.' } },
  'home-health-or-nursing': {
    rules: [
      rule('inpatient-rehabilitation', 'rehabilitation/pt-ot', /\b(?:inpatient\s+rehab\w*|acute\s+rehab\w*|rehabilitation\s+(?:facility|hospital|unit))\b/i,
        'DWC has no facility category: an inpatient rehabilitation stay is counted as the therapy it gives, PT/OT.'),
    ],
    otherwise: { subCategory: 'home-health/home-health', why: 'Home health aides, nursing visits and nursing facility care are Home Health.' },
  },
  other: {
    rules: [rule('transportation', 'transportation/transportation', /\b(?:transport\w*|taxi|rides?|mileage|ambulance|wheelchair\s+van)\b/i, 'Rides to appointments are Transportation.')],
    otherwise: { subCategory: 'unclassified/unclassified', why: 'A service neither taxonomy places (an interpreter) is not classified.' },
  },
};
