/**
 * Services and drugs in both taxonomies: the project's category and drug class, and DWC's
 * Request Category / Sub Category and drug class; the kinds the rules place generally.
 * Every text here is written for the test.
 */
import { describe, expect, test } from 'vitest';
import { letterVocabularies } from '../../../src/main/letters/derive.ts';
import type { DerivableItem } from '../../../src/main/letters/derive.ts';
import { DWC_RULES } from '../../../src/main/letters/vocabulary/data/dwcRules.ts';
import { DRUGS } from '../../../src/main/letters/vocabulary/data/drugs.ts';
import { analyzeGuideline, analyzeService } from '../../../src/main/letters/vocabulary/index.ts';
import { DWC_DRUG_CLASSES, DWC_SUB_CATEGORIES, isDwcSubCategory } from '../../../src/shared/dwcTaxonomy.ts';

const placed = (text: string) => {
  const service = analyzeService(text);
  return [service.category.value, service.dwc.subCategory];
};

describe("services in DWC's taxonomy", () => {
  test.each([
    ['MRI of the left ankle without contrast', 'imaging', 'diagnostic-testing/imaging-radiology'],
    ['Nerve conduction study of both arms', 'imaging', 'diagnostic-testing/emg-ncv-ncs'],
    ['Somatosensory evoked potentials of the legs', 'imaging', 'diagnostic-testing/other-diagnostic-tests'],
    ['Pre-operative ECG', 'laboratory', 'diagnostic-testing/other-diagnostic-tests'],
    ['Pre-operative comprehensive metabolic panel', 'laboratory', 'diagnostic-testing/lab-pathology'],
    ['Radiofrequency ablation of the lumbar medial branches', 'injection-or-nerve-block', 'injection/facet-injection'],
    ['Transforaminal epidural steroid injection at L5-S1', 'injection-or-nerve-block', 'injection/injection'],
    ['Left knee arthroscopic meniscectomy', 'surgery', 'surgery/arthroscopic-surgery'],
    ['Anterior cervical discectomy and fusion C5-C6', 'surgery', 'surgery/spine'],
    ['Right carpal tunnel release', 'surgery', 'surgery/non-arthroscopic-surgery'],
    ['Assistant at surgery', 'surgery', 'surgery/adjunct-surgical-services'],
    ['RN first assistant for the procedure', 'surgery', 'surgery/adjunct-surgical-services'],
    ['Neurosurgery consultation for the neck', 'consultation-or-referral', 'surgery/surgical-consult'],
    ['Associated surgical service: Pre-operative medical clearance', 'consultation-or-referral', 'evaluation-and-management/medical-specialties'],
    ['Follow-up visit with the treating physician', 'consultation-or-referral', 'evaluation-and-management/medical-specialties'],
    ['Cognitive behavioural therapy, six sessions', 'psychological', 'psych-services/therapies'],
    ['Psychological evaluation', 'psychological', 'psych-services/evaluation-and-management'],
    ['Chiropractic manipulation 6 visits', 'chiropractic', 'rehabilitation/chiropractic'],
    ['Functional restoration program, 80 hours', 'programme', 'programs/programs'],
    ['Partial hospitalization program, five days a week', 'programme', 'programs/programs'],
    ['Hospital-based outpatient pain rehabilitation program', 'programme', 'programs/programs'],
    ['Home health aide 4 hours a day', 'home-health-or-nursing', 'home-health/home-health'],
    ['Visiting nurse twice a week', 'home-health-or-nursing', 'home-health/home-health'],
    ['Inpatient rehabilitation stay, 10 days', 'home-health-or-nursing', 'rehabilitation/pt-ot'],
    ['Taxi to medical appointments', 'other', 'transportation/transportation'],
    ['Audiogram', 'laboratory', 'diagnostic-testing/other-diagnostic-tests'],
    ['Intrathecal pump implantation', 'surgery', 'surgery/spine'],
    ['Medical food, one month', 'prescription-drug', 'pharmaceuticals/nutritional-products'],
    ['Pre-operative H&P', 'consultation-or-referral', 'evaluation-and-management/medical-specialties'],
    ['Right knee manipulation under anesthesia', 'surgery', 'surgery/non-arthroscopic-surgery'],
    ['Removal of hardware, left ankle', 'surgery', 'surgery/non-arthroscopic-surgery'],
    ['Speech therapy 12 sessions', 'physical-therapy', 'rehabilitation/other-therapies'],
    ['Group therapy, 6 sessions', 'psychological', 'psych-services/therapies'],
    ['Yoga classes, 10 sessions', 'programme', 'programs/programs'],
    ['Intermittent pneumatic compression device', 'durable-medical-equipment', 'dmepos/dme'],
  ])('%s: %s, %s', (text, category, subCategory) => {
    expect(placed(text)).toEqual([category, subCategory]);
  });
});

describe('modalities are physical medicine whatever device they name; devices for home use and supplies are equipment', () => {
  test.each([
    ['Interferential stimulation 2 times a week for 4 weeks', 'physical-therapy', 'rehabilitation/pt-ot'],
    ['H-wave treatments 3x4', 'physical-therapy', 'rehabilitation/pt-ot'],
    ['Mechanical traction, 8 sessions', 'physical-therapy', 'rehabilitation/pt-ot'],
    ['Extracorporeal shockwave therapy for the heel', 'physical-therapy', 'rehabilitation/pt-ot'],
    ['Low level laser therapy', 'physical-therapy', 'rehabilitation/pt-ot'],
    ['Non-surgical spinal decompression therapy', 'physical-therapy', 'rehabilitation/pt-ot'],
    ['TENS unit for a 30 day home trial', 'durable-medical-equipment', 'dmepos/electrical-stimulation'],
    ['Cervical traction unit for home use, purchase', 'durable-medical-equipment', 'dmepos/dme'],
    ['Cold compression unit, 14 day rental', 'durable-medical-equipment', 'dmepos/dme'],
    ['Lumbosacral orthosis', 'durable-medical-equipment', 'dmepos/prosthetics-orthotics'],
    ['Knee wrap for the cold unit', 'durable-medical-equipment', 'dmepos/dme'],
    ['Replacement wraps and pads', 'durable-medical-equipment', 'dmepos/supplies'],
    ['Electrodes and batteries for the stimulator', 'durable-medical-equipment', 'dmepos/supplies'],
    ['Wound dressings for three weeks', 'durable-medical-equipment', 'dmepos/supplies'],
  ])('%s: %s, %s', (text, category, subCategory) => {
    expect(placed(text)).toEqual([category, subCategory]);
  });
});

describe("drugs by brand, in both taxonomies, DWC's class by how the drug is given", () => {
  const drugs = (text: string) => analyzeService(text).drugs.map((drug) => [drug.generic, drug.drugClass, drug.dwcDrugClass]);

  test.each([
    ['Percocet 5/325 #60', 'oxycodone/acetaminophen', 'opioid', 'opioids'],
    ['Vicoprofen 7.5/200 #30', 'hydrocodone/ibuprofen', 'opioid', 'opioids'],
    ['Medrox ointment 120 grams', 'capsaicin/menthol/methyl salicylate', 'topical', 'topical-analgesics'],
    ['Terocin lotion 120ml', 'capsaicin/lidocaine/menthol/methyl salicylate', 'topical', 'topical-analgesics'],
    ['Salonpas patches #20', 'menthol/methyl salicylate', 'topical', 'topical-analgesics'],
    ['Voltaren 1% gel, 3 tubes', 'diclofenac', 'topical', 'topical-analgesics'],
    ['Butrans 5mcg/hr patch #4', 'buprenorphine', 'opioid', 'opioids'],
    ['Restoril 30mg #30', 'temazepam', 'sleep-aid', 'benzodiazepines'],
    ['Zanaflex 4mg #60', 'tizanidine', 'muscle-relaxant', 'muscle-relaxant'],
    ['Fioricet #30', 'butalbital/acetaminophen/caffeine', 'other', 'barbiturates'],
    ['Seroquel 50mg #30', 'quetiapine', 'other', 'atypical-antipsychotic'],
    ['Movantik 25mg #30', 'naloxegol', 'other', 'gi-agents'],
  ])('%s', (text, generic, drugClass, dwcDrugClass) => {
    expect(drugs(text)).toEqual([[generic, drugClass, dwcDrugClass]]);
  });

  test('a compound applied to the skin is a Topical Compound; two preparations in one service are two', () => {
    expect(drugs('Compound cream: Ketoprofen 15%/Lidocaine 5% and Baclofen 2%/Cyclobenzaprine 2%, 240 grams')).toEqual([
      ['ketoprofen/lidocaine', 'topical', 'topical-compounds'],
      ['baclofen/cyclobenzaprine', 'topical', 'topical-compounds'],
    ]);
    expect(drugs('Flurbiprofen 10%, Menthol 2% cream 120gm')).toEqual([['flurbiprofen/menthol', 'topical', 'topical-compounds']]);
    // An opioid in a compound cream is still a topical compound; a manufactured opioid patch is an opioid.
    expect(drugs('Tramadol 10%/Flurbiprofen 20% cream')).toEqual([['tramadol/flurbiprofen', 'topical', 'topical-compounds']]);
  });

  test('the drug inside an injection is read; the service stays an injection', () => {
    const service = analyzeService('Depo-Medrol 80mg with Marcaine injection to the right shoulder');
    expect([service.category.value, service.dwc.subCategory]).toEqual(['injection-or-nerve-block', 'injection/injection']);
    expect(service.drugs.map((drug) => drug.generic)).toEqual(['methylprednisolone', 'bupivacaine']);
    expect(analyzeService('Orthovisc injections x3, left knee').drugs.map((drug) => drug.dwcDrugClass)).toEqual(['viscosupplementation']);
  });
});

describe('items that are part of a procedure go with it', () => {
  const item = (service: string): DerivableItem => ({
    service, decision: 'Upheld', claimsAdministratorGuideline: null, maximusGuideline: null, rationale: null,
    originalRequest: null, authorizedByClaimsAdministrator: null, imrEligiblePortion: null,
  });

  test('levels, image guidance and sedation of a facet injection are that injection', () => {
    const read = letterVocabularies(['Bilateral L3-4 facet joint injections', '2nd level', 'Fluoroscopic guidance', 'Moderate sedation'].map(item));
    expect(read.map((vocabulary) => [vocabulary.category, vocabulary.dwcSubCategory])).toEqual(
      Array.from({ length: 4 }, () => ['injection-or-nerve-block', 'injection/facet-injection']),
    );
  });

  test("an operation's anaesthesia is an adjunct surgical service; without a procedure the item keeps its own reading", () => {
    const read = letterVocabularies(['Left shoulder arthroscopy', 'Anesthesia'].map(item));
    expect(read.map((vocabulary) => vocabulary.dwcSubCategory)).toEqual(['surgery/arthroscopic-surgery', 'surgery/adjunct-surgical-services']);
    expect(letterVocabularies([item('Fluoroscopic guidance')]).map((vocabulary) => vocabulary.category)).toEqual(['imaging']);
  });
});

describe('ODG citations: every chapter named, and by its topic where none is', () => {
  const chapters = (text: string) => analyzeGuideline(text).citations.map((citation) => `${citation.source}:${citation.topic?.id ?? '-'}`);

  test.each([
    ['Decision based on Non-MTUS Citation Official Disability Guidelines, Shoulder and Elbow Chapters.', ['odg:shoulder', 'odg:elbow']],
    ['Decision based on Non-MTUS Citation ODG, Neck/Upper Back, Low Back chapters, Epidural steroid injections.', ['odg:neck-upper-back', 'odg:low-back']],
    ['Decision based on Non-MTUS Citation ODG, Knee/Leg, Hip/Pelvis', ['odg:knee-leg', 'odg:hip-pelvis']],
    ['Decision based on Non-MTUS Citation ODG Pain (Chronic), Opioids, Neck and Upper Back (Acute & Chronic), Facet joint diagnostic blocks', ['odg:pain', 'odg:neck-upper-back']],
    ['Decision based on Non-MTUS Citation Official Disability Guidelines, 2017, Mattress selection', ['odg:low-back']],
    ['Decision based on Non-MTUS Citation ODG, Pain Chapter, Opioids; ACOEM Practice Guidelines, Low Back Disorders', ['odg:pain', 'acoem:low-back']],
  ])('%s', (text, expected) => {
    expect(chapters(text)).toEqual(expected);
  });
});

describe('the DWC tables hold together', () => {
  test("every rule's Sub Category is one of DWC's, and DWC's Pharmaceuticals Sub Categories are its drug classes", () => {
    const named = Object.values(DWC_RULES).flatMap((rules) => [...rules.rules.map((rule) => rule.subCategory), rules.otherwise.subCategory]);
    expect(named.filter((id) => !isDwcSubCategory(id))).toEqual([]);
    const pharma = DWC_SUB_CATEGORIES.filter((term) => term.category === 'pharmaceuticals').map((term) => term.id);
    expect(pharma).toEqual(DWC_DRUG_CLASSES.map((term) => `pharmaceuticals/${term.id}`));
  });

  test('every rule says why, and every drug entry names its source', () => {
    for (const rules of Object.values(DWC_RULES)) {
      for (const why of [...rules.rules.map((rule) => rule.why), rules.otherwise.why]) expect(why).toMatch(/^[A-Z].{15,}\.$/);
    }
    for (const entry of DRUGS) expect(entry.source.length).toBeGreaterThan(10);
  });
});
