/** Service texts into a category, and the drug, amount and anatomy values, each with its span. */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { analyzeItemService, analyzeService } from '../../../src/main/letters/vocabulary/index.ts';
import type { ServiceAnalysis } from '../../../src/shared/vocabulary.ts';

const category = (text: string) => analyzeService(text).category.value;

describe('categories', () => {
  test.each([
    ['Naproxen sodium 550mg #60', 'prescription-drug'],
    ['Celebrex 200 mg #30 with 1 refill', 'prescription-drug'],
    ['Fentanyl 25 mcg/hr transdermal patch #10', 'prescription-drug'],
    ['Ketoprofen 10%/Gabapentin 6% cream 180 grams', 'compounded-topical-drug'],
    ['Lidoderm 5% patches #30', 'compounded-topical-drug'],
    ['Fanatrex 25mg/ml oral suspension 300ml', 'compounded-topical-drug'],
    ['Compounded topical cream', 'compounded-topical-drug'],
    ['Aquatic therapy 8 sessions for the lumbar spine', 'physical-therapy'],
    ['Occupational therapy 2x4 for the left hand', 'physical-therapy'],
    ['Work conditioning 10 visits', 'physical-therapy'],
    ['Therapeutic ultrasound 6 sessions', 'physical-therapy'],
    ['Chiropractic treatment 6 visits', 'chiropractic'],
    ['Spinal manipulation 2x3', 'chiropractic'],
    ['Electroacupuncture 6 sessions', 'acupuncture'],
    ['Cognitive behavioral therapy 6 sessions', 'psychological'],
    ['Psychological evaluation', 'psychological'],
    ['MRI of the left wrist without contrast', 'imaging'],
    ['Ultrasound of the right shoulder', 'imaging'],
    ['EMG/NCV of the bilateral lower extremities', 'imaging'],
    ['Bone scan', 'imaging'],
    ['Right L5-S1 transforaminal epidural steroid injection under fluoroscopy', 'injection-or-nerve-block'],
    ['Trigger point injections x3 to the trapezius', 'injection-or-nerve-block'],
    ['Radiofrequency ablation at left L3-L5', 'injection-or-nerve-block'],
    ['Ultrasound guided cortisone injection of the left knee', 'injection-or-nerve-block'],
    ['Left knee arthroscopy with partial meniscectomy', 'surgery'],
    ['L4-5 posterior lumbar fusion', 'surgery'],
    ['Right carpal tunnel release', 'surgery'],
    ['Co-surgeon', 'surgery'],
    ['Knee brace, hinged', 'durable-medical-equipment'],
    ['Cold therapy unit, 21 day rental', 'durable-medical-equipment'],
    ['TENS unit trial for one month', 'durable-medical-equipment'],
    ['Front-wheeled walker purchase', 'durable-medical-equipment'],
    ['Urine drug screen', 'laboratory'],
    ['Pre-operative labs: CBC, CMP', 'laboratory'],
    ['Pre-operative PT/INR', 'laboratory'],
    ['Orthopedic surgeon consultation', 'consultation-or-referral'],
    ['Referral to a pain management specialist', 'consultation-or-referral'],
    ['Follow-up office visit', 'consultation-or-referral'],
    ['Functional restoration program, 80 hours', 'programme'],
    ['Outpatient detoxification program', 'programme'],
    ['Weight loss program for 12 weeks', 'programme'],
    ['Home health aide 4 hours per day, 3 days a week', 'home-health-or-nursing'],
    ['Skilled nursing facility stay for 10 days', 'home-health-or-nursing'],
    ['Associated surgical service: Inpatient stay 2 days', 'surgery'],
    ['Aquatherapy 12 visits', 'physical-therapy'],
    ['Hearing aids, bilateral', 'durable-medical-equipment'],
    ['Weight Watchers program', 'programme'],
    ['Vitamin D 50,000 IU #12', 'prescription-drug'],
  ])('%s is %s', (text, expected) => {
    expect(category(text)).toBe(expected);
  });

  test('the order of the rules settles overlaps', () => {
    // a stay before the therapies it includes; equipment before therapy words; imaging before "labs"
    expect(category('Inpatient rehabilitation with physical therapy daily')).toBe('home-health-or-nursing');
    expect(category('Cold compression therapy wrap')).toBe('durable-medical-equipment');
    expect(category('Labs to include: Chest X-ray')).toBe('imaging');
    // "post-operative" does not make physical therapy surgery; a surgical consultation is a consultation
    expect(category('Post-operative physical therapy 12 sessions')).toBe('physical-therapy');
    expect(category('Spine surgery consultation')).toBe('consultation-or-referral');
    // guidance and sedation count only when nothing else does
    expect(category('Physical therapy under fluoroscopic guidance')).toBe('physical-therapy');
    expect(category('FLUOROSCOPIC GUIDANCE')).toBe('imaging');
    expect(category('Monitored anesthesia care')).toBe('surgery');
  });

  test('the category carries the rule that placed it and the words it matched', () => {
    const text = 'Associated surgical service: Shoulder immobilizer';
    const { category: match } = analyzeService(text);
    expect([match.value, match.rule, match.span && text.slice(...match.span)]).toEqual(['durable-medical-equipment', 'equipment', 'immobilizer']);
  });

  test('a service the rules cannot place is other, with a warning, never a guess', () => {
    for (const text of ['1ST LEVEL', 'EA ADD\'L LEVEL', 'Unspecified request']) {
      const analysis = analyzeService(text);
      expect([analysis.category.value, analysis.category.rule, analysis.category.span]).toEqual(['other', 'none', null]);
      expect(analysis.warnings.map((warning) => warning.code)).toContain('category-unmatched');
    }
  });

  test('a service the taxonomy has no category for is other by its own rule, so no weak rule misplaces it', () => {
    const analysis = analyzeService('Transportation to and from medical appointments');
    expect([analysis.category.value, analysis.category.rule]).toEqual(['other', 'outside-taxonomy']);
    expect(analysis.warnings[0]?.message).toBe('The taxonomy has no category for this service (rule outside-taxonomy); it is counted as other.');
  });

  test('an empty or missing service is other, with a warning', () => {
    for (const text of ['', '  ', null, undefined]) expect(analyzeService(text).warnings[0]?.code).toBe('category-unmatched');
  });

  test('never throws, and every span stays inside the text, whatever the input', () => {
    const words = fc.constantFrom('Norco', '10/325mg', '#60', 'x4', '2x6', 'left', 'L4-S1', 'cream', '5%', '/', 'with', '3 refills', 'MRI', 'rental', '(', ')');
    fc.assert(
      fc.property(fc.array(fc.oneof(words, fc.string({ maxLength: 6 })), { maxLength: 20 }), (parts) => {
        const text = parts.join(' ');
        const analysis = analyzeService(text);
        const spans = [
          analysis.category.span,
          analysis.count?.span,
          analysis.frequency?.span,
          analysis.duration?.span,
          ...analysis.drugs.flatMap((drug) => [drug.span, drug.name.span, drug.strength?.span, drug.quantity?.span]),
          ...analysis.bodyParts.map((part) => part.span),
        ].filter((span) => span != null);
        for (const [start, end] of spans) expect(0 <= start && start <= end && end <= text.length).toBe(true);
        expect(analysis.warnings.some((warning) => warning.code === 'internal-error')).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('drugs', () => {
  const drug = (text: string) => {
    const analysis = analyzeService(text);
    expect(analysis.drugs).toHaveLength(1);
    return analysis.drugs[0]!;
  };

  test('a brand name: generic, class, strength with units, quantity and refills, each with its span', () => {
    const text = 'Percocet 5/325 mg tablets #120 with 2 refills';
    const found = drug(text);
    expect([found.name.value, found.generic, found.drugClass, found.compounded]).toEqual(['Percocet', 'oxycodone/acetaminophen', 'opioid', false]);
    expect([found.strength?.value, found.strength?.amounts, found.strength?.unit]).toEqual(['5/325 mg', [5, 325], 'mg']);
    expect([found.form?.value, found.quantity?.value, found.refills?.value]).toEqual(['tablet', 120, 2]);
    expect(text.slice(...found.strength!.span)).toBe('5/325 mg');
    expect(text.slice(...found.quantity!.span)).toBe('#120');
    expect(text.slice(...found.refills!.span)).toBe('2 refills');
    expect(text.slice(...found.form!.span)).toBe('tablets');
  });

  test.each([
    ['Zanaflex 4mg #60', 'tizanidine', 'muscle-relaxant'],
    ['Neurontin 600 mg #90', 'gabapentin', 'anticonvulsant'],
    ['Lyrica 75mg capsules #60', 'pregabalin', 'anticonvulsant'],
    ['Cymbalta 60mg #30', 'duloxetine', 'antidepressant'],
    ['Trazodone 50mg #30', 'trazodone', 'antidepressant'],
    ['Nexium 40mg #30', 'esomeprazole', 'proton-pump-inhibitor'],
    ['Ambien 10mg #30', 'zolpidem', 'sleep-aid'],
    ['Mobic 15 mg #30', 'meloxicam', 'nsaid'],
    ['Ultracet 37.5/325mg #60', 'tramadol/acetaminophen', 'opioid'],
    ['Butrans 10 mcg/hr patch #4', 'buprenorphine', 'opioid'],
    ['Voltaren Gel 1% 100 grams', 'diclofenac', 'topical'],
    ['Ondansetron 8mg ODT #10', 'ondansetron', 'other'],
  ])('%s: %s, %s', (text, generic, drugClass) => {
    const found = drug(text);
    expect([found.generic, found.drugClass]).toEqual([generic, drugClass]);
  });

  test('salt and release words stay in the printed name; the generic is the base name', () => {
    const found = drug('Tramadol HCl ER 100 mg #30');
    expect([found.name.value, found.generic]).toEqual(['Tramadol HCl ER', 'tramadol']);
  });

  test('combinations: ingredients joined by "/" are one product, and APAP is acetaminophen', () => {
    const found = drug('Hydrocodone/APAP 7.5/325mg #60');
    expect([found.generic, found.drugClass, found.ingredients.map((i) => i.name.value)]).toEqual([
      'hydrocodone/acetaminophen',
      'opioid',
      ['Hydrocodone', 'APAP'],
    ]);
    expect(found.strength?.amounts).toEqual([7.5, 325]);
  });

  test('a compound lists each ingredient with its own strength, and the package size', () => {
    const text = 'Gabapentin 10%/Amitriptyline 4%/Capsaicin 0.0375% cream 240 grams #1';
    const found = drug(text);
    expect([found.compounded, found.drugClass, found.strength, found.form?.value]).toEqual([true, 'topical', null, 'cream']);
    expect(found.ingredients.map((i) => [i.generic, i.strength?.value ?? null])).toEqual([
      ['gabapentin', '10%'],
      ['amitriptyline', '4%'],
      ['capsaicin', '0.0375%'],
    ]);
    expect([found.amount?.value, found.amount?.unit, found.quantity?.value]).toEqual([240, 'g', 1]);
    expect(analyzeService(text).category.value).toBe('compounded-topical-drug');
  });

  test('ingredients listed with commas, each with a percent strength, are one compound', () => {
    const found = drug('Flurbiprofen 15%, Cyclobenzaprine 2% cream');
    expect([found.generic, found.compounded]).toEqual(['flurbiprofen/cyclobenzaprine', true]);
  });

  test('a percent strength is a topical concentration', () => {
    expect(drug('Ketoprofen 20% 120 grams').drugClass).toBe('topical');
    expect(drug('Ketoprofen 75mg #60').drugClass).toBe('nsaid');
  });

  test('a brand in brackets after the generic is the same drug', () => {
    const found = drug('Gabapentin (Neurontin) 300mg, take one capsule three times daily #90');
    expect([found.name.value, found.generic, found.form?.value, found.quantity?.value]).toEqual(['Gabapentin', 'gabapentin', 'capsule', 90]);
  });

  test('strengths per volume, percent lists, and a dose pair printed without its unit', () => {
    expect(drug('Synapryn 10mg/1ml oral suspension 500ml').strength).toMatchObject({ amounts: [10], unit: 'mg/ml' });
    expect(drug('Terocin 25%-0.025%-10%-2.5% lotion 120ml').strength).toMatchObject({ amounts: [25, 0.025, 10, 2.5], unit: '%' });
    expect(drug('Norco 10/325 #90').strength).toMatchObject({ value: '10/325', amounts: [10, 325], unit: '' });
  });

  test('refills in words, "no refills", and days of supply', () => {
    expect(drug('Two refills of Meloxicam 15mg #30').refills?.value).toBe(2);
    expect(drug('Meloxicam 15mg #30, no refills').refills?.value).toBe(0);
    const supply = drug('Tapentadol 50mg #56 day supply: 14');
    expect([supply.quantity?.value, supply.daysSupply?.value]).toEqual([56, 14]);
  });

  test('malformed: two drugs in one service are both read, with a warning', () => {
    const analysis = analyzeService('Naproxen 500mg #60 and Omeprazole 20mg #30');
    expect(analysis.drugs.map((found) => [found.generic, found.quantity?.value])).toEqual([
      ['naproxen', 60],
      ['omeprazole', 30],
    ]);
    expect(analysis.warnings.map((warning) => warning.code)).toEqual(['multiple-drugs']);
  });

  test('the same drug repeated (a partial certification header) is not two drugs', () => {
    const analysis = analyzeService('Baclofen 10mg #90 was the original request. Baclofen 10mg #60 was authorized by the Claims Administrator.');
    expect(analysis.drugs).toHaveLength(2);
    expect(analysis.warnings).toEqual([]);
  });

  test('malformed: a name the table does not know, followed by a strength, is kept with a warning', () => {
    const analysis = analyzeService('Zyntravil 20mg #30');
    expect(analysis.drugs.map((found) => [found.name.value, found.generic, found.drugClass])).toEqual([['Zyntravil', null, 'other']]);
    expect(analysis.category.value).toBe('prescription-drug');
    expect(analysis.warnings.map((warning) => warning.code)).toEqual(['drug-not-in-table']);
  });

  test('a "#" in the name is not the quantity', () => {
    const found = drug('Tylenol #3 #60');
    expect([found.generic, found.quantity?.value]).toEqual(['acetaminophen/codeine', 60]);
  });

  test('a drug name alone, with no strength, is still a drug', () => {
    expect(drug('Pantoprazole').generic).toBe('pantoprazole');
  });
});

describe('visits and sessions', () => {
  const amounts = (text: string) => {
    const analysis = analyzeService(text);
    return {
      count: analysis.count && [analysis.count.min, analysis.count.max],
      frequency: analysis.frequency && [analysis.frequency.perWeek.min, analysis.frequency.perWeek.max, analysis.frequency.weeks.min, analysis.frequency.total.min, analysis.frequency.total.max],
      duration: analysis.duration && [analysis.duration.value.min, analysis.duration.value.max, analysis.duration.unit],
    };
  };

  test.each([
    ['Physical therapy 2x6 for the neck', [2, 2, 6, 12, 12]],
    ['Physical therapy 3 x 4', [3, 3, 4, 12, 12]],
    ['Chiropractic care 2 times 5', [2, 2, 5, 10, 10]],
    ['Acupuncture 2 times per week for 3 weeks', [2, 2, 3, 6, 6]],
    ['Acupuncture twice a week for four weeks', [2, 2, 4, 8, 8]],
    ['Physical therapy 1 to 3 times a week for 4 weeks', [1, 3, 4, 4, 12]],
    ['Massage therapy 2x/week x 3 weeks', [2, 2, 3, 6, 6]],
    ['Home health nurse daily for 2 weeks', [7, 7, 2, 14, 14]],
  ])('%s: per week, weeks and total', (text, expected) => {
    expect(amounts(text).frequency).toEqual(expected);
  });

  test.each([
    ['Physical therapy 10 visits', [10, 10]],
    ['Ten (10) chiropractic sessions', [10, 10]],
    ['Post-op physical therapy 8-12 sessions', [8, 12]],
    ['Trigger point injections x4', [4, 4]],
    ['Acupuncture sessions #8', [8, 8]],
    ['Associated surgical service: Occupational therapy visits, 6', [6, 6]],
  ])('%s: count', (text, expected) => {
    expect(amounts(text).count).toEqual(expected);
  });

  test('a count beside a frequency: both read, and a warning when they disagree', () => {
    expect(amounts('Physical therapy 12 sessions, 2 times a week for 6 weeks')).toMatchObject({ count: [12, 12], frequency: [2, 2, 6, 12, 12] });
    const analysis = analyzeService('Physical therapy 10 sessions, 2 times a week for 6 weeks');
    expect(analysis.warnings.map((warning) => warning.code)).toEqual(['session-count-mismatch']);
  });

  test('"#N" is a session count for visit-based services only; for drugs and equipment it is a quantity', () => {
    expect(analyzeService('TENS unit supplies #12').count).toBeNull();
    expect(analyzeService('Tramadol 50mg #12').count).toBeNull();
  });

  test('durations, and rental or purchase', () => {
    const rental = analyzeService('Continuous passive motion machine, 21-day rental');
    expect([rental.duration?.value.min, rental.duration?.unit, rental.acquisition?.value]).toEqual([21, 'day', 'rental']);
    const bought = analyzeService('Purchase of a lumbar back brace');
    expect([bought.duration, bought.acquisition?.value]).toEqual([null, 'purchase']);
    expect(amounts('Skilled nursing facility 5-7 days').duration).toEqual([5, 7, 'day']);
    expect(amounts('Wheelchair rental for 2 months').duration).toEqual([2, 2, 'month']);
  });
});

describe('anatomy', () => {
  const parts = (analysis: ServiceAnalysis) => analysis.bodyParts.map((part) => `${part.laterality ?? '-'} ${part.id}`);

  test('body parts with the side printed before them', () => {
    const text = 'MRI of the right shoulder and left elbow';
    const analysis = analyzeService(text);
    expect(parts(analysis)).toEqual(['right shoulder', 'left elbow']);
    expect(text.slice(...analysis.bodyParts[0]!.span)).toBe('shoulder');
    expect(analysis.laterality?.value).toBe('bilateral');
  });

  test('one side carries over a list of parts; midline parts take no side', () => {
    expect(parts(analyzeService('Physical therapy for the left knee, ankle and low back'))).toEqual(['left knee', 'left ankle', '- lumbar-spine']);
  });

  test('bilateral, both, and "left and right" are bilateral', () => {
    expect(analyzeService('X-rays of both knees').laterality?.value).toBe('bilateral');
    expect(analyzeService('Bilateral wrist splints').laterality?.value).toBe('bilateral');
    expect(analyzeService('Left and right C5-6 facet injections').laterality?.value).toBe('bilateral');
    expect(analyzeService('Right hip X-ray').laterality?.value).toBe('right');
    expect(analyzeService('Lumbar MRI').laterality).toBeNull();
  });

  test('spine regions by name and by synonym', () => {
    expect(analyzeService('MRI of the c-spine, mid back and lower back').bodyParts.map((part) => part.id)).toEqual([
      'cervical-spine',
      'thoracic-spine',
      'lumbar-spine',
    ]);
  });

  test.each([
    ['L4-S1', ['L4-5', 'L5-S1']],
    ['L3-L5', ['L3-4', 'L4-5']],
    ['C5-6', ['C5-6']],
    ['C6-C7', ['C6-7']],
    ['T12-L1', ['T12-L1']],
    ['C7-T2', ['C7-T1', 'T1-2']],
    ['L4', ['L4']],
  ])('spine levels %s give %j', (printed, levels) => {
    const text = `Medial branch block at ${printed}`;
    const [found] = analyzeService(text).spineLevels;
    expect([found?.printed.value, found?.levels, found && text.slice(...found.printed.span)]).toEqual([printed, levels, printed]);
  });

  test('several level ranges, and malformed ranges warned about and dropped', () => {
    expect(analyzeService('Facet injections C3-4 and C4-5, L5-S1').spineLevels.map((found) => found.levels)).toEqual([['C3-4'], ['C4-5'], ['L5-S1']]);
    const reversed = analyzeService('Fusion L5-L3');
    expect([reversed.spineLevels, reversed.warnings.map((warning) => warning.code)]).toEqual([[], ['spine-range-invalid']]);
    expect(analyzeService('Fusion C2-L5').warnings.map((warning) => warning.code)).toEqual(['spine-range-invalid']);
  });
});

describe('partial certifications', () => {
  test('each part is read on its own, with spans in its own text', () => {
    const partial = {
      originalRequest: 'Physical therapy 3 times a week for 4 weeks for the right wrist',
      authorizedByClaimsAdministrator: 'Physical therapy 3 times a week for 2 weeks for the right wrist',
      imrEligiblePortion: 'Physical therapy 3 times a week for 2 weeks for the right wrist',
    };
    const service = `${partial.originalRequest} was the original request. ${partial.authorizedByClaimsAdministrator} was authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, ${partial.imrEligiblePortion} is`;
    const analysis = analyzeItemService({ service, partial });
    expect(analysis.service.category.value).toBe('physical-therapy');
    expect(analysis.partial && [analysis.partial.originalRequest, analysis.partial.authorizedByClaimsAdministrator, analysis.partial.imrEligiblePortion].map((part) => part.frequency?.total.min)).toEqual([12, 6, 6]);
    const side = analysis.partial?.imrEligiblePortion.laterality;
    expect(side && partial.imrEligiblePortion.slice(...side.span)).toBe('right');
  });

  test('an item without a partial certification has none', () => {
    expect(analyzeItemService({ service: 'MRI of the left hip' }).partial).toBeNull();
  });
});
