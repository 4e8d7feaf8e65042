/**
 * Drugs by generic name: brand names, drug class, and whether the product is a compounding
 * kit or is applied to the skin. The classes follow the MTUS Chronic Pain Medical Treatment
 * Guidelines' groupings (opioids, NSAIDs, muscle relaxants, antiepilepsy drugs,
 * antidepressants, topical analgesics, PPIs, insomnia treatment).
 *
 * Sources: brand-to-generic pairs as listed in the FDA's Orange Book / DailyMed labels; the
 * compounding kits (Fanatrex, Synapryn, Tabradol, Deprizine, Dicopanol, Ketophene, Cyclophene)
 * as named on their labels; class assignments from the MTUS Chronic Pain Medical Treatment
 * Guidelines and the MTUS Drug List.
 */
import type { DrugClass } from '../../../../shared/vocabulary.ts';

export interface DrugEntry {
  readonly generic: string;
  readonly drugClass: DrugClass;
  /** Brand names and other spellings, besides the generic name itself. */
  readonly names: readonly string[];
  /** A compounding kit (an oral suspension or cream mixed by the pharmacy). */
  readonly compounded?: boolean;
  /** Applied to the skin whatever its form word says (patches, gels, topical lotions). */
  readonly topical?: boolean;
}

const drug = (generic: string, drugClass: DrugClass, names: readonly string[] = [], flags: Pick<DrugEntry, 'compounded' | 'topical'> = {}): DrugEntry => ({
  generic,
  drugClass,
  names,
  ...flags,
});

export const DRUGS: readonly DrugEntry[] = [
  // Opioids
  drug('hydrocodone/acetaminophen', 'opioid', ['Norco', 'Vicodin', 'Lortab', 'Lorcet', 'Xodol', 'Hycet']),
  drug('hydrocodone', 'opioid', ['Hysingla', 'Hysingla ER', 'Zohydro', 'Zohydro ER']),
  drug('oxycodone/acetaminophen', 'opioid', ['Percocet', 'Endocet', 'Roxicet', 'Xartemis']),
  drug('oxycodone', 'opioid', ['OxyContin', 'Roxicodone', 'Oxecta', 'Xtampza']),
  drug('oxymorphone', 'opioid', ['Opana', 'Opana ER']),
  drug('hydromorphone', 'opioid', ['Dilaudid', 'Exalgo']),
  drug('morphine', 'opioid', ['MS Contin', 'Kadian', 'Avinza', 'MSIR']),
  drug('fentanyl', 'opioid', ['Duragesic', 'Fentora', 'Actiq']),
  drug('methadone', 'opioid', ['Dolophine', 'Methadose']),
  drug('tramadol', 'opioid', ['Ultram', 'Ultram ER', 'ConZip', 'Ryzolt', 'Rybix']),
  drug('tramadol', 'opioid', ['Synapryn'], { compounded: true }),
  drug('tramadol/acetaminophen', 'opioid', ['Ultracet']),
  drug('tapentadol', 'opioid', ['Nucynta', 'Nucynta ER']),
  drug('codeine', 'opioid'),
  drug('acetaminophen/codeine', 'opioid', ['Tylenol #3', 'Tylenol #4', 'Tylenol with Codeine']),
  drug('buprenorphine', 'opioid', ['Butrans', 'Belbuca', 'Subutex', 'Buprenex']),
  drug('buprenorphine/naloxone', 'opioid', ['Suboxone', 'Zubsolv']),
  drug('meperidine', 'opioid', ['Demerol']),
  drug('pentazocine', 'opioid', ['Talwin']),
  drug('levorphanol', 'opioid'),
  drug('morphine/naltrexone', 'opioid', ['Embeda']),
  // NSAIDs
  drug('ibuprofen', 'nsaid', ['Motrin', 'Advil']),
  drug('naproxen', 'nsaid', ['Naprosyn', 'EC-Naprosyn', 'Anaprox', 'Anaprox DS', 'Naprelan', 'Aleve']),
  drug('diclofenac', 'nsaid', ['Voltaren', 'Voltaren XR', 'Cataflam', 'Zorvolex', 'Cambia', 'Zipsor']),
  drug('diclofenac/misoprostol', 'nsaid', ['Arthrotec']),
  drug('meloxicam', 'nsaid', ['Mobic', 'Vivlodex']),
  drug('celecoxib', 'nsaid', ['Celebrex']),
  drug('nabumetone', 'nsaid', ['Relafen']),
  drug('etodolac', 'nsaid', ['Lodine']),
  drug('ketorolac', 'nsaid', ['Toradol', 'Sprix']),
  drug('oxaprozin', 'nsaid', ['Daypro']),
  drug('piroxicam', 'nsaid', ['Feldene']),
  drug('indomethacin', 'nsaid', ['Indocin']),
  drug('flurbiprofen', 'nsaid', ['Ansaid']),
  drug('ketoprofen', 'nsaid', ['Orudis']),
  drug('diflunisal', 'nsaid', ['Dolobid']),
  drug('sulindac', 'nsaid', ['Clinoril']),
  drug('fenoprofen', 'nsaid', ['Nalfon']),
  drug('mefenamic acid', 'nsaid', ['Ponstel']),
  drug('salsalate', 'nsaid'),
  drug('ibuprofen/famotidine', 'nsaid', ['Duexis']),
  drug('naproxen/esomeprazole', 'nsaid', ['Vimovo']),
  // Muscle relaxants
  drug('cyclobenzaprine', 'muscle-relaxant', ['Flexeril', 'Fexmid', 'Amrix']),
  drug('cyclobenzaprine', 'muscle-relaxant', ['Tabradol'], { compounded: true }),
  drug('tizanidine', 'muscle-relaxant', ['Zanaflex']),
  drug('carisoprodol', 'muscle-relaxant', ['Soma']),
  drug('metaxalone', 'muscle-relaxant', ['Skelaxin']),
  drug('methocarbamol', 'muscle-relaxant', ['Robaxin']),
  drug('orphenadrine', 'muscle-relaxant', ['Norflex']),
  drug('baclofen', 'muscle-relaxant', ['Lioresal']),
  drug('chlorzoxazone', 'muscle-relaxant', ['Parafon Forte', 'Lorzone']),
  drug('dantrolene', 'muscle-relaxant', ['Dantrium']),
  // Anticonvulsants
  drug('gabapentin', 'anticonvulsant', ['Neurontin', 'Gralise', 'Horizant']),
  drug('gabapentin', 'anticonvulsant', ['Fanatrex'], { compounded: true }),
  drug('pregabalin', 'anticonvulsant', ['Lyrica']),
  drug('topiramate', 'anticonvulsant', ['Topamax']),
  drug('lamotrigine', 'anticonvulsant', ['Lamictal']),
  drug('carbamazepine', 'anticonvulsant', ['Tegretol']),
  drug('oxcarbazepine', 'anticonvulsant', ['Trileptal']),
  drug('levetiracetam', 'anticonvulsant', ['Keppra']),
  drug('divalproex', 'anticonvulsant', ['Depakote']),
  drug('phenytoin', 'anticonvulsant', ['Dilantin']),
  drug('zonisamide', 'anticonvulsant', ['Zonegran']),
  // Antidepressants
  drug('duloxetine', 'antidepressant', ['Cymbalta']),
  drug('venlafaxine', 'antidepressant', ['Effexor', 'Effexor XR']),
  drug('desvenlafaxine', 'antidepressant', ['Pristiq']),
  drug('milnacipran', 'antidepressant', ['Savella']),
  drug('amitriptyline', 'antidepressant', ['Elavil']),
  drug('nortriptyline', 'antidepressant', ['Pamelor']),
  drug('imipramine', 'antidepressant', ['Tofranil']),
  drug('desipramine', 'antidepressant', ['Norpramin']),
  drug('trazodone', 'antidepressant', ['Desyrel', 'Oleptro']),
  drug('sertraline', 'antidepressant', ['Zoloft']),
  drug('fluoxetine', 'antidepressant', ['Prozac']),
  drug('paroxetine', 'antidepressant', ['Paxil']),
  drug('citalopram', 'antidepressant', ['Celexa']),
  drug('escitalopram', 'antidepressant', ['Lexapro']),
  drug('bupropion', 'antidepressant', ['Wellbutrin']),
  drug('mirtazapine', 'antidepressant', ['Remeron']),
  drug('vortioxetine', 'antidepressant', ['Trintellix', 'Brintellix']),
  drug('vilazodone', 'antidepressant', ['Viibryd']),
  // Proton-pump inhibitors
  drug('omeprazole', 'proton-pump-inhibitor', ['Prilosec']),
  drug('omeprazole/sodium bicarbonate', 'proton-pump-inhibitor', ['Zegerid']),
  drug('esomeprazole', 'proton-pump-inhibitor', ['Nexium']),
  drug('pantoprazole', 'proton-pump-inhibitor', ['Protonix']),
  drug('lansoprazole', 'proton-pump-inhibitor', ['Prevacid']),
  drug('rabeprazole', 'proton-pump-inhibitor', ['Aciphex']),
  drug('dexlansoprazole', 'proton-pump-inhibitor', ['Dexilant']),
  // Sleep aids
  drug('zolpidem', 'sleep-aid', ['Ambien', 'Ambien CR', 'Edluar', 'Intermezzo']),
  drug('eszopiclone', 'sleep-aid', ['Lunesta']),
  drug('zaleplon', 'sleep-aid', ['Sonata']),
  drug('suvorexant', 'sleep-aid', ['Belsomra']),
  drug('ramelteon', 'sleep-aid', ['Rozerem']),
  drug('temazepam', 'sleep-aid', ['Restoril']),
  drug('triazolam', 'sleep-aid', ['Halcion']),
  drug('doxepin', 'sleep-aid', ['Silenor']),
  drug('melatonin', 'sleep-aid'),
  drug('diphenhydramine', 'sleep-aid', ['Benadryl']),
  drug('diphenhydramine', 'sleep-aid', ['Dicopanol'], { compounded: true }),
  // Topicals
  drug('lidocaine', 'topical', ['Lidoderm', 'Xylocaine']),
  drug('diclofenac', 'topical', ['Flector', 'Pennsaid', 'Voltaren Gel'], { topical: true }),
  drug('ketoprofen', 'topical', ['Ketophene'], { compounded: true, topical: true }),
  drug('cyclobenzaprine', 'topical', ['Cyclophene'], { compounded: true, topical: true }),
  drug('capsaicin', 'topical', ['Zostrix', 'Qutenza'], { topical: true }),
  drug('capsaicin/lidocaine/menthol/methyl salicylate', 'topical', ['LidoPro', 'Terocin'], { topical: true }),
  drug('menthol/methyl salicylate', 'topical', ['Menthoderm', 'Bengay'], { topical: true }),
  drug('menthol', 'topical', ['Biofreeze'], { topical: true }),
  drug('methyl salicylate', 'topical', [], { topical: true }),
  drug('camphor', 'topical', [], { topical: true }),
  drug('dextromethorphan', 'other'),
  // Other drugs seen in workers' compensation requests
  drug('acetaminophen', 'other', ['Tylenol', 'APAP']),
  drug('butalbital/acetaminophen/caffeine', 'other', ['Fioricet']),
  drug('famotidine', 'other', ['Pepcid']),
  drug('ranitidine', 'other', ['Zantac']),
  drug('ranitidine', 'other', ['Deprizine'], { compounded: true }),
  drug('ondansetron', 'other', ['Zofran']),
  drug('promethazine', 'other', ['Phenergan']),
  drug('docusate', 'other', ['Colace']),
  drug('sennosides', 'other', ['Senna', 'Senokot']),
  drug('lactulose', 'other'),
  drug('lubiprostone', 'other', ['Amitiza']),
  drug('naloxegol', 'other', ['Movantik']),
  drug('methylnaltrexone', 'other', ['Relistor']),
  drug('naloxone', 'other', ['Narcan', 'Evzio']),
  drug('diazepam', 'other', ['Valium']),
  drug('alprazolam', 'other', ['Xanax']),
  drug('clonazepam', 'other', ['Klonopin']),
  drug('lorazepam', 'other', ['Ativan']),
  drug('hydroxyzine', 'other', ['Vistaril', 'Atarax']),
  drug('sumatriptan', 'other', ['Imitrex']),
  drug('methylprednisolone', 'other', ['Medrol', 'Depo-Medrol']),
  drug('prednisone', 'other'),
  drug('triamcinolone', 'other', ['Kenalog']),
  drug('sildenafil', 'other', ['Viagra']),
  drug('tadalafil', 'other', ['Cialis']),
  drug('testosterone', 'other', ['AndroGel']),
  drug('misoprostol', 'other', ['Cytotec']),
  drug('cholecalciferol', 'other', ['Vitamin D', 'Vitamin D3']),
  drug('cyanocobalamin', 'other', ['Vitamin B12', 'B12']),
  drug('theramine', 'other', ['Theramine']),
  drug('sentra', 'other', ['Sentra PM', 'Sentra AM']),
  drug('trepadone', 'other', ['Trepadone']),
];
