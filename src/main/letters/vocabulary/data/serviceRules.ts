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
  /** The rule does not apply when this matches anywhere in the service. */
  readonly unless?: RegExp;
}

export type RuleStep = CategoryRule | 'drug';

const rule = (id: string, category: ServiceCategory, pattern: RegExp, unless?: RegExp): CategoryRule => ({ id, category, pattern, ...(unless ? { unless } : {}) });

/**
 * Physical-medicine modalities, named by their technique or by the device that gives them. Given
 * in sessions they are physical medicine whatever device they use; only a device for home use
 * (rented, bought, tried at home) is equipment.
 */
const MODALITY = String.raw`(?:TENS|H-?wave|interferential|NMES|EMS|e-?stim\w*|electrical\s+(?:muscle\s+|nerve\s+)?stimulation|electro-?therapy|ultrasound|phonophoresis|iontophoresis|(?:mechanical\s+|cervical\s+|lumbar\s+)?traction|(?:spinal\s+)?decompression|laser|LLLT|shock\s*wave|ESWT|infrared|diathermy|paraffin|whirlpool|hydrotherapy|hot\s*(?:\/\s*cold)?\s+packs?|cold\s+packs?|moist\s+heat|cryotherapy|vasopneumatic|microcurrent|PEMF|pulsed\s+electromagnetic|vibration|myofascial\s+release|soft\s+tissue\s+mobili[sz]ation|dry\s+needling|kinesio\s*taping|manual\s+therapy)`;
/** A count of sessions or a weekly frequency: "12 sessions", "1 times 8", "2x4", "3 times per week". */
const IN_SESSIONS = String.raw`(?:sessions?|visits?|treatments?|\d+\s*(?:x|times)\s*(?:a\s+week\s*)?(?:for\s+)?\d+|(?:x|times)\s*\d+\s*(?:weeks?|sessions?|visits?)|(?:per|a|\/)\s*(?:week|wk)|weekly)`;
/** A device for the patient's own use is equipment, however its use is counted. */
const HOME_DEVICE = /\b(?:rent\w*|purchase\w*|buy|home\s+(?:use|unit|trial|device)|for\s+home|trial|supplies|electrodes|units?\s+for)\b/i;
const DEVICE = /\b(?:units?|devices?|machines?|system|rent\w*|purchase\w*|home|wraps?|pads?)\b/i;

/** Not after "post-" or "pre-": "post-operative" physical therapy is not surgery. */
const NOT_PERIOPERATIVE = String.raw`(?<!post[- ]?)(?<!pre[- ]?)(?<!peri[- ]?)`;

export const STRONG_RULES: readonly RuleStep[] = [
  // An assistant at an operation serves the operation, whoever assists (a nurse is not nursing care).
  rule('assistant-at-surgery', 'surgery',
    /\b(?:assistant\s+(?:surgeon|PA|at\s+surgery)|surgical\s+assist\w*|assist(?:ant|ing)?\s+(?:at|in|with)\s+(?:the\s+)?(?:surgery|operation|procedure)|co-?surgeon|first\s+assist\w*|RNFA|(?:PA|PA-C|RN|nurse|physician)\s+(?:first\s+)?assist\w*)\b/i),
  // Services the taxonomy has no category for: named, so no weak rule ("appointments") misplaces them.
  rule('outside-taxonomy', 'other', /\b(?:transport\w*|taxi|rides?\s+to|mileage|interpreter|translation\s+services)\b/i),
  // What is used up in care (dressings, catheters, electrodes) is equipment and supplies, whatever care it serves.
  rule('supplies', 'durable-medical-equipment', /\b(?:supplies|dressings|bandages|catheters?|gauze|syringes|lancets|test\s+strips|electrodes|batteries|ostomy\s+\w+)\b/i),
  // A programme is named as one, and may be hospital-based or inpatient: before the stays and therapies it includes.
  rule('programme', 'programme',
    /\b(?:functional\s+restoration|FRP|HELP\s+program|(?:chronic\s+)?pain\s+(?:management\s+|rehabilitation\s+)?program(?:me)?|multidisciplinary|interdisciplinary|detox\w*|weight\s+(?:loss|reduction|management|watchers)|gym\s+membership|pool\s+membership|YMCA|personal\s+train\w*|yoga|pilates|tai\s+chi|work\s+hardening\s+program|(?:partial\s+hospitali[sz]ation|day\s+(?:hospital|treatment)|hospital[- ]based|intensive\s+outpatient|residential|inpatient|outpatient)\s+(?:\w+\s+){0,3}program(?:me)?s?|PHP|IOP)\b/i),
  rule('facility-or-home-care', 'home-health-or-nursing',
    /\b(?:home\s+health|home\s+(?:health\s+)?aides?|health\s+aides?|home\s+care|caregivers?|attendant\s+care|(?:skilled\s+)?nursing(?:\s+facility|\s+care|\s+visits?|\s+services)?|nurse\s+visits?|visiting\s+nurse|private\s+duty|SNF|RNs?|LVN|LPN|inpatient\s+rehab\w*|acute\s+rehab\w*|rehabilitation\s+(?:facility|hospital|unit)|housekeeping|in-home\s+(?:support|services))\b/i),
  rule('consultation', 'consultation-or-referral',
    /\b(?:consult\w*|referrals?|refer(?:red)?\s+to|transfer\s+of\s+care|TOC|second\s+opinion|medical\s+clearance|clearance|(?:surgery|surgical|surgeon|specialist|orthop(?:a)?edic|ortho|neurolog\w*|neurosurg\w*|pain\s+management|spine|podiatr\w*|internist|rheumatolog\w*|psychiatr\w*)\s+(?:eval\w*|consult\w*|follow[- ]?up))\b/i),
  rule('psychological', 'psychological',
    /\b(?:psycholog\w*|neuropsych\w*|group\s+therapy|relaxation\s+(?:training|therapy)|stress\s+management|psychotherap\w*|psychiatr\w*|CBT|cognitive\s+behavio(?:u)?ral|biofeedback|counsel(?:l)?ing|hypnotherapy|mental\s+health)\b/i),
  rule('injection', 'injection-or-nerve-block',
    /\b(?:inject\w*|blocks?|ESIs?|epidural|facet|medial\s+branch|radiofrequency|RFA|rhizotomy|neurotomy|trigger\s+points?|platelet[- ]rich\s+plasma|PRP|viscosupplement\w*|hyaluronic|Synvisc|Orthovisc|Euflexxa|cortisone\s+shot|steroid\s+shot|botox|botulinum|prolotherapy|arthrocentesis|aspiration)\b/i),
  // A modality named as a therapy or treatment ("shockwave therapy", "spinal decompression therapy") is physical medicine, not the device or the operation.
  rule('modality-by-technique', 'physical-therapy', new RegExp(String.raw`\b${MODALITY}\s+(?:therapy|therapies|treatments?|bath|wax)\b`, 'i'), DEVICE),
  rule('surgery', 'surgery',
    new RegExp(String.raw`\b(?:arthroscop\w*|${NOT_PERIOPERATIVE}surg(?:ery|ical\s+(?:procedure|intervention|repair|treatment))|assistant\s+(?:surgeon|PA)|surgical\s+assist\w*|co-?surgeon|\w+ectomy|\w+otomy|\w+oplasty|\w+odesis|arthroplasty|repair|(?:tunnel|finger|thumb|pulley|tendon|nerve|fascia|plantar|lateral|retinacul\w*)\s+release|release\s+of|fusion|decompression|fixation|ORIF|reconstruction|(?:joint|knee|hip|shoulder|elbow|ankle|disc|total|partial)\s+replacement|replacement\s+(?:of|arthroplasty)|excision|debridement|Mumford|implant\w*|removal\s+of\s+(?:hardware|implants?|screws?|plates?|pins?)|hardware\s+removal|de\s*quervain\W?s?\s+release|compartment\s+release|spinal\s+cord\s+stimulator|intrathecal\s+(?:pump|drug\s+delivery\s+system)|manipulation\s+under\s+an(?:a)?esthesia|MUA|amputation|osteotomy|nerve\s+transposition|inpatient\s+(?:hospital\s+)?stay|hospital\s+stay|length\s+of\s+stay|hospitali[sz]ation)\b`, 'i')),
  rule('acupuncture', 'acupuncture', /\b(?:acupuncture|electro-?acupuncture|acupressure)\b/i),
  rule('chiropractic', 'chiropractic', /\b(?:chiropract\w*|chiro|(?:spinal\s+)?manipulat\w*|CMT|osteopathic\s+manipulative|OMT)\b/i),
  'drug',
  // Sessions of a modality are physical medicine even when the service names the device.
  rule('modality-sessions', 'physical-therapy', new RegExp(String.raw`\b${MODALITY}\b(?=.*\b${IN_SESSIONS})`, 'i'), HOME_DEVICE),
  // An examination repeated as a series ("Physical exam 2 times 8") is not one visit: physical medicine.
  rule('examination-in-sessions', 'physical-therapy', new RegExp(String.raw`\bphysical\s+exam\w*(?=\s+\d+\s*(?:x|times)\s*\d+)`, 'i')),
  rule('equipment', 'durable-medical-equipment',
    /\b(?:DME|durable\s+medical\s+equipment|units?|brace|braces|bracing|sling|\w+sling|splints?|orthos[ie]s|orthotics?|walker|cane|crutch(?:es)?|wheelchairs?|scooter|commode|(?:shower|bath|bath\/shower)\s+chair|tub\s+(?:bench|seat)|hospital\s+bed|bed|mattress|pillow|wraps?|pads?|cushion|(?:back|lumbar|lumbosacral|knee|wrist|ankle|arch|cervical)\s+support|supports?|collar|TENS|H-wave|interferential|muscle\s+stimulator|stimulator|cold\s+(?:therapy|compression)|cryotherapy|cryo\s*cuff|Vascutherm|Game\s+Ready|CPM|continuous\s+passive\s+motion|rentals?|purchase|supplies|electrodes|workstation|kit|traction|raised\s+toilet\s+seat|grab\s+bars?|reacher|bone\s+(?:growth\s+)?stimulator|immobili[sz]er|boot|insoles|shoes?|wound\s+vac\w*|negative\s+pressure\s+wound\s+\w+|(?:intermittent\s+)?pneumatic\s+compression(?:\s+device)?|compression\s+(?:device|pump)|desk|(?:hot|cold)(?:\s+(?:and|&|\/)\s+(?:hot|cold))?\s+packs?|compression\s+(?:stockings|garment|sleeve)|stockings|lift\s+chair|chairs?|heating\s+pad|hot\/cold|ice\s+(?:pack|machine)|paraffin|hearing\s+aids?|eyeglasses|dentures?|prosthe(?:sis|ses|tic))\b/i),
  rule('therapeutic-ultrasound', 'physical-therapy',
    /\bultrasound\b(?=[^,.;]*\b(?:therapeutic|\d+\s*(?:x|times)\b|sessions?|visits?|treatments?))|\btherapeutic\s+ultrasound\b/i),
  rule('imaging', 'imaging',
    /\b(?:MRI|MRA|MR\s+arthrogram|magnetic\s+resonance|CT|CAT\s+scan|computed\s+tomography|x-?rays?|radiographs?|ultrasound|sonogram|ultrasonography|bone\s+scan|DEXA|PET|myelogram|discogram|arthrogram|imaging|scan|EMG|NCS|NCV|nerve\s+conduction|electromyogra\w*|electrodiagnostic|SSEP|somatosensory|EEG|electroencephalogra\w*|videonystagmography|VNG)\b/i),
  // Tests of the patient that are neither imaging nor electrodiagnostics: the laboratory category holds every non-imaging test.
  rule('laboratory', 'laboratory',
    /\b(?:sudoscan|sudomotor|QSART|vestibular\s+(?:test\w*|function\w*)|audiogra\w*|audiometr\w*|hearing\s+test\w*|holter|event\s+monitor|tilt\s+table|quantitative\s+sensory\s+test\w*|autonomic\s+(?:function\s+)?test\w*|labs?|laboratory|CBC|BMP|CMP|chem(?:istry)?\s+panel|metabolic\s+panel|urinalysis|UA|urine\s+(?:drug\s+)?(?:screen|test)\w*|UDS|drug\s+(?:screen|test)\w*|toxicology|PT\/PTT|PT\/INR|PTT|INR|hepatic\s+(?:function\s+)?panel|liver\s+function|LFTs?|blood\s+(?:test|work|draw)\w*|EKG|ECG|electrocardiogra\w*|A1C|lipid\s+panel|TSH|thyroid\s+panel|genetic\s+test\w*|DNA|sleep\s+study|polysomnogra\w*|pulmonary\s+function|spirometry|cultures?|serum|echocardiogra\w*|stress\s+test)\b/i),
  rule('physical-therapy', 'physical-therapy',
    /\b(?:physical\s+therap\w*|PT(?!\s*\/\s*(?:PTT|INR))|physiotherap\w*|occupational\s+therap\w*|OT|aqua(?:tic)?\s*therap\w*|pool\s+therapy|hydrotherapy|massage|work\s+conditioning|work\s+hardening|therapeutic\s+exercises?|exercise\s+therapy|electrical\s+stimulation|e-?stim|iontophoresis|hand\s+therapy|speech(?:\s+and\s+language)?\s+therap\w*|vestibular\s+(?:therapy|rehab\w*)|physical\s+medicine|rehabilitation|rehab|home\s+exercise\s+program)\b/i),
];

export const WEAK_RULES: readonly RuleStep[] = [
  rule('visit-or-examination', 'consultation-or-referral',
    /\b(?:H\s*&\s*P|history\s+and\s+physical|exam\w*|re-?exam\w*|evaluation|eval|re-?evaluation|assessment|office\s+visits?|follow[- ]?up(?:\s+visits?)?|visits?|appointments?|E&M|evaluation\s+and\s+management|medication\s+management)\b/i),
  rule('imaging-guidance', 'imaging', /\bfluoroscop\w*(?:\s+guidance)?\b/i),
  rule('anaesthesia', 'surgery', /\b(?:an(?:a)?esthesia|sedation|MAC|anesthesiologist)\b/i),
];
