/**
 * The rules that place a service in a category, tried in order; the first rule whose pattern
 * matches wins. The order settles the overlaps: a stay or programme before the therapies it
 * includes ("inpatient rehabilitation physical therapy"), an injection before the imaging that
 * guides it ("under fluoroscopy"), equipment before therapy words ("cold therapy unit"),
 * imaging before laboratory ("Labs to include: Chest X-ray"). Weak rules (an examination, a
 * visit, guidance, sedation) apply only when no strong rule does. Drugs are placed by the
 * drug reader, at the position of the `drug` step.
 *
 * The vocabulary is the clinical and billing wording of the services themselves (CPT
 * category names, the MTUS and ODG treatment topics); no rule names a particular letter.
 */
import type { ServiceCategory } from '../../../../shared/vocabulary.ts';

export interface CategoryRule {
  readonly id: string;
  readonly category: ServiceCategory;
  readonly pattern: RegExp;
}

export type RuleStep = CategoryRule | 'drug';

const rule = (id: string, category: ServiceCategory, pattern: RegExp): CategoryRule => ({ id, category, pattern });

/** Not after "post-" or "pre-": "post-operative" physical therapy is not surgery. */
const NOT_PERIOPERATIVE = String.raw`(?<!post[- ]?)(?<!pre[- ]?)(?<!peri[- ]?)`;

export const STRONG_RULES: readonly RuleStep[] = [
  // Services the taxonomy has no category for: named, so no weak rule ("appointments") misplaces them.
  rule('outside-taxonomy', 'other', /\b(?:transport\w*|taxi|rides?\s+to|mileage|interpreter|translation\s+services)\b/i),
  rule('facility-or-home-care', 'home-health-or-nursing',
    /\b(?:home\s+health|home\s+(?:health\s+)?aides?|health\s+aides?|home\s+care|caregivers?|attendant\s+care|(?:skilled\s+)?nursing(?:\s+facility|\s+care|\s+visits?|\s+services)?|SNF|RNs?|LVN|inpatient\s+rehab\w*|acute\s+rehab\w*|rehabilitation\s+(?:facility|hospital|unit)|housekeeping|in-home\s+(?:support|services))\b/i),
  rule('programme', 'programme',
    /\b(?:functional\s+restoration|FRP|HELP\s+program|(?:chronic\s+)?pain\s+(?:management\s+)?program(?:me)?|multidisciplinary|interdisciplinary|detox\w*|weight\s+(?:loss|reduction|management|watchers)|gym\s+membership|pool\s+membership|YMCA|work\s+hardening\s+program)\b/i),
  rule('consultation', 'consultation-or-referral',
    /\b(?:consult\w*|referrals?|refer(?:red)?\s+to|transfer\s+of\s+care|TOC|second\s+opinion|medical\s+clearance|clearance|(?:surgery|surgical|surgeon|specialist|orthop(?:a)?edic|ortho|neurolog\w*|neurosurg\w*|pain\s+management|spine|podiatr\w*|internist|rheumatolog\w*|psychiatr\w*)\s+(?:eval\w*|consult\w*|follow[- ]?up))\b/i),
  rule('psychological', 'psychological',
    /\b(?:psycholog\w*|psychotherap\w*|psychiatr\w*|CBT|cognitive\s+behavio(?:u)?ral|biofeedback|counsel(?:l)?ing|hypnotherapy|mental\s+health)\b/i),
  rule('injection', 'injection-or-nerve-block',
    /\b(?:inject\w*|blocks?|ESIs?|epidural|facet|medial\s+branch|radiofrequency|RFA|rhizotomy|neurotomy|trigger\s+points?|platelet[- ]rich\s+plasma|PRP|viscosupplement\w*|hyaluronic|Synvisc|Orthovisc|Euflexxa|cortisone\s+shot|steroid\s+shot|botox|botulinum|prolotherapy|arthrocentesis|aspiration)\b/i),
  rule('surgery', 'surgery',
    new RegExp(String.raw`\b(?:arthroscop\w*|${NOT_PERIOPERATIVE}surg(?:ery|ical\s+(?:procedure|intervention|repair|treatment))|assistant\s+(?:surgeon|PA)|surgical\s+assist\w*|co-?surgeon|\w+ectomy|\w+otomy|\w+oplasty|\w+odesis|arthroplasty|repair|(?:tunnel|finger|thumb|pulley|tendon|nerve|fascia|plantar|lateral|retinacul\w*)\s+release|release\s+of|fusion|decompression|fixation|ORIF|reconstruction|replacement|excision|debridement|Mumford|implant\w*|spinal\s+cord\s+stimulator|manipulation\s+under\s+an(?:a)?esthesia|MUA|amputation|osteotomy|nerve\s+transposition|inpatient\s+(?:hospital\s+)?stay|hospital\s+stay|length\s+of\s+stay|hospitali[sz]ation)\b`, 'i')),
  rule('acupuncture', 'acupuncture', /\b(?:acupuncture|electro-?acupuncture|acupressure)\b/i),
  rule('chiropractic', 'chiropractic', /\b(?:chiropract\w*|chiro|(?:spinal\s+)?manipulat\w*|CMT|osteopathic\s+manipulative|OMT)\b/i),
  'drug',
  rule('equipment', 'durable-medical-equipment',
    /\b(?:DME|durable\s+medical\s+equipment|units?|brace|braces|bracing|sling|\w+sling|splints?|orthos[ie]s|orthotics?|walker|cane|crutch(?:es)?|wheelchairs?|scooter|commode|(?:shower|bath|bath\/shower)\s+chair|tub\s+(?:bench|seat)|hospital\s+bed|bed|mattress|pillow|wraps?|pads?|cushion|(?:back|lumbar|lumbosacral|knee|wrist|ankle|arch|cervical)\s+support|supports?|collar|TENS|H-wave|interferential|muscle\s+stimulator|stimulator|cold\s+(?:therapy|compression)|cryotherapy|cryo\s*cuff|Vascutherm|Game\s+Ready|CPM|continuous\s+passive\s+motion|rentals?|purchase|supplies|electrodes|workstation|kit|traction|raised\s+toilet\s+seat|grab\s+bars?|reacher|bone\s+(?:growth\s+)?stimulator|immobili[sz]er|boot|insoles|shoes|compression\s+(?:stockings|garment|sleeve)|stockings|lift\s+chair|chairs?|heating\s+pad|hot\/cold|ice\s+(?:pack|machine)|paraffin|hearing\s+aids?|eyeglasses|dentures?|prosthe(?:sis|ses|tic))\b/i),
  rule('therapeutic-ultrasound', 'physical-therapy',
    /\bultrasound\b(?=[^,.;]*\b(?:therapeutic|\d+\s*(?:x|times)\b|sessions?|visits?|treatments?))|\btherapeutic\s+ultrasound\b/i),
  rule('imaging', 'imaging',
    /\b(?:MRI|MRA|MR\s+arthrogram|magnetic\s+resonance|CT|CAT\s+scan|computed\s+tomography|x-?rays?|radiographs?|ultrasound|sonogram|ultrasonography|bone\s+scan|DEXA|PET|myelogram|discogram|arthrogram|imaging|scan|EMG|NCS|NCV|nerve\s+conduction|electromyogra\w*|electrodiagnostic|SSEP|somatosensory|EEG|electroencephalogra\w*|videonystagmography|VNG)\b/i),
  rule('laboratory', 'laboratory',
    /\b(?:labs?|laboratory|CBC|BMP|CMP|chem(?:istry)?\s+panel|metabolic\s+panel|urinalysis|UA|urine\s+(?:drug\s+)?(?:screen|test)\w*|UDS|drug\s+(?:screen|test)\w*|toxicology|PT\/PTT|PT\/INR|PTT|INR|hepatic\s+(?:function\s+)?panel|liver\s+function|LFTs?|blood\s+(?:test|work|draw)\w*|EKG|ECG|electrocardiogra\w*|A1C|lipid\s+panel|TSH|thyroid\s+panel|genetic\s+test\w*|DNA|sleep\s+study|polysomnogra\w*|pulmonary\s+function|spirometry|cultures?|serum|echocardiogra\w*|stress\s+test)\b/i),
  rule('physical-therapy', 'physical-therapy',
    /\b(?:physical\s+therap\w*|PT(?!\s*\/\s*(?:PTT|INR))|physiotherap\w*|occupational\s+therap\w*|OT|aqua(?:tic)?\s*therap\w*|pool\s+therapy|hydrotherapy|massage|work\s+conditioning|work\s+hardening|therapeutic\s+exercises?|exercise\s+therapy|electrical\s+stimulation|e-?stim|iontophoresis|hand\s+therapy|vestibular\s+(?:therapy|rehab\w*)|physical\s+medicine|rehabilitation|rehab|home\s+exercise\s+program)\b/i),
];

export const WEAK_RULES: readonly RuleStep[] = [
  rule('visit-or-examination', 'consultation-or-referral',
    /\b(?:exam\w*|re-?exam\w*|evaluation|eval|re-?evaluation|assessment|office\s+visits?|follow[- ]?up(?:\s+visits?)?|visits?|appointments?|E&M|evaluation\s+and\s+management|medication\s+management)\b/i),
  rule('imaging-guidance', 'imaging', /\bfluoroscop\w*(?:\s+guidance)?\b/i),
  rule('anaesthesia', 'surgery', /\b(?:an(?:a)?esthesia|sedation|MAC|anesthesiologist)\b/i),
];
