/**
 * An independent check of the quality report's numbers: a small library, a sample drawn with
 * `imr-review sample`, letters verified with corrections, two blind passes (one by the verifier,
 * one by someone else) entered with disagreements, then `imr-review quality --json` run as a
 * child process and every interval it prints recomputed by other code: scipy's beta quantiles for
 * the exact (Clopper-Pearson) intervals and bounds, scikit-learn's cohen_kappa_score on label
 * lists rebuilt from what was entered, statsmodels' cohens_kappa for the kappa's interval (when
 * installed), and, for a sample stratified by format, Korn and Graubard's interval written out
 * again from their paper with scipy's t and beta quantiles. Relative tolerance 1e-9.
 *
 * Needs /usr/bin/python3 with scipy and scikit-learn (Debian: python3-scipy python3-sklearn
 * python3-statsmodels); skips, saying so, without them. Not `python3`: that may be a pyenv
 * without packages.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import type { AuditSample, Interval, QualityReport, SampleQuality } from '../../src/shared/quality.ts';
import { startBlindPass, submitBlindLetter } from '../../src/main/quality/index.ts';
import { editItemField, setDecision, verifyLetter } from '../../src/main/review/index.ts';
import { itemCategories, openLibrary, sampleLetterIds } from '../../src/main/storage/index.ts';
import { addLetters, letterOf, REVIEWER, refOf } from '../review/helpers.ts';
import type { PlainLetter } from '../storage/helpers.ts';
import { useTempFolder } from '../storage/helpers.ts';
import { BIN } from '../cli/runCli.ts';

const PYTHON = '/usr/bin/python3';
const run = promisify(execFile);

function pythonLacks(): string | null {
  const probe = spawnSync(PYTHON, ['-c', 'import scipy, sklearn'], { encoding: 'utf8' });
  if (probe.error) return `${PYTHON} cannot be run (${probe.error.message})`;
  if (probe.status !== 0) return `${PYTHON} lacks scipy or scikit-learn (apt-get install python3-scipy python3-sklearn python3-statsmodels): ${probe.stderr.trim().split('\n').at(-1) ?? ''}`;
  return null;
}
const missing = pythonLacks();
const hasStatsmodels = missing === null && spawnSync(PYTHON, ['-c', 'import statsmodels.stats.inter_rater'], { encoding: 'utf8' }).status === 0;

/** What the Python side recomputes: exact intervals and bounds, Korn-Graubard intervals, kappas. */
interface Questions {
  readonly exact: readonly { readonly x: number; readonly n: number; readonly confidence: number }[];
  readonly kornGraubard: readonly { readonly strata: readonly { population: number; frame: number; checked: number; errors: number }[]; readonly confidence: number }[];
  readonly kappas: readonly { readonly verified: readonly string[]; readonly blind: readonly string[]; readonly confidence: number }[];
}
interface Answers {
  readonly exact: readonly { low: number; high: number; upper: number }[];
  readonly kornGraubard: readonly { rate: number; low: number; high: number; upper: number }[];
  readonly kappas: readonly { kappa: number; low: number | null; high: number | null }[];
}

const SCRIPT = String.raw`
import json, sys, math
from scipy.stats import beta, norm, t
from sklearn.metrics import cohen_kappa_score, confusion_matrix
try:
    from statsmodels.stats.inter_rater import cohens_kappa
except ImportError:
    cohens_kappa = None

def exact(x, n, confidence):
    alpha = 1 - confidence
    low = 0.0 if x == 0 else float(beta.ppf(alpha / 2, x, n - x + 1))
    high = 1.0 if x == n else float(beta.ppf(1 - alpha / 2, x + 1, n - x))
    upper = 1.0 if x == n else float(beta.ppf(confidence, x + 1, n - x))
    return low, high, upper

def korn_graubard(strata, confidence):
    # Korn & Graubard (1998): p = sum W_h p_h; var = sum W_h^2 (1 - n_h/N_h) p_h (1 - p_h) / (n_h - 1);
    # n* = p (1 - p) / var, times (t_{n-1} / t_{n-H})^2; then the exact interval at x* = n* p.
    observed = [s for s in strata if s['checked'] > 0 and s['population'] > 0]
    population = sum(s['population'] for s in observed)
    n = sum(s['checked'] for s in observed)
    p = sum(s['population'] / population * s['errors'] / s['checked'] for s in observed)
    var = sum((s['population'] / population) ** 2 * (1 - s['checked'] / s['frame']) * (s['errors'] / s['checked']) * (1 - s['errors'] / s['checked']) / (s['checked'] - 1)
              for s in observed if s['checked'] > 1)
    if var == 0:
        n_eff = n
    else:
        n_eff = p * (1 - p) / var
        tail = (1 - confidence) / 2
        n_eff *= (t.ppf(tail, n - 1) / t.ppf(tail, n - len(observed))) ** 2
    n_eff = min(n_eff, n)
    low, high, upper = exact(p * n_eff, n_eff, confidence)
    return {'rate': p, 'low': low, 'high': high, 'upper': upper}

def kappa(verified, blind, confidence):
    answer = {'kappa': float(cohen_kappa_score(verified, blind)), 'low': None, 'high': None}
    if cohens_kappa is not None:
        labels = sorted(set(verified) | set(blind))
        # statsmodels' large-sample standard error; its own kappa_low/kappa_upp are at 95% only.
        result = cohens_kappa(confusion_matrix(verified, blind, labels=labels))
        half = float(norm.ppf(1 - (1 - confidence) / 2)) * float(result['std_kappa'])
        answer['low'] = max(-1.0, float(result['kappa']) - half)
        answer['high'] = min(1.0, float(result['kappa']) + half)
    return answer

questions = json.load(sys.stdin)
json.dump({
    'exact': [dict(zip(('low', 'high', 'upper'), exact(q['x'], q['n'], q['confidence']))) for q in questions['exact']],
    'kornGraubard': [korn_graubard(q['strata'], q['confidence']) for q in questions['kornGraubard']],
    'kappas': [kappa(q['verified'], q['blind'], q['confidence']) for q in questions['kappas']],
}, sys.stdout)
`;

function askPython(questions: Questions): Answers {
  const answer = spawnSync(PYTHON, ['-c', SCRIPT], { input: JSON.stringify(questions), encoding: 'utf8' });
  if (answer.status !== 0) throw new Error(`python failed: ${answer.stderr}`);
  return JSON.parse(answer.stdout) as Answers;
}

/** Equal within 1e-9 of the larger (exactly, at 0). */
function near(actual: number | null | undefined, expected: number | null | undefined): boolean {
  if (actual === null || actual === undefined || expected === null || expected === undefined) return actual === expected;
  return Math.abs(actual - expected) <= 1e-9 * Math.max(Math.abs(actual), Math.abs(expected));
}

/** Collects every value that differs from Python's, so one failure names them all. */
function compare(differences: string[], what: string, actual: number | null | undefined, expected: number | null | undefined): void {
  if (!near(actual, expected)) differences.push(`${what}: ours ${actual}, python ${expected}`);
}

const SERVICES = ['Lumbar MRI', 'Physical therapy 2x6 for the knee', 'Norco 10/325mg #120', 'Acupuncture x6 sessions', 'Right knee arthroscopy'];
const LETTERS = 60;

function plainLetter(index: number): PlainLetter {
  return {
    caseNumber: `CM16-${String(index + 1).padStart(7, '0')}`,
    format: index % 3 === 0 ? 'F2' : 'F1-credentials-block',
    items: [0, 1].map((position) => ({
      service: SERVICES[(index + position * 2) % SERVICES.length] as string,
      decision: (index + position) % 3 === 0 ? 'Overturned' : 'Upheld',
    })),
  };
}

const temp = useTempFolder();

describe('the quality report against scipy, scikit-learn and statsmodels', () => {
  test.skipIf(missing !== null)(`every interval and kappa of \`imr-review quality --json\`${missing === null ? '' : ` (skipped: ${missing})`}`, async () => {
    const library = temp.library({ reviewer: REVIEWER.reviewer });
    addLetters(library, Array.from({ length: LETTERS }, (_, index) => plainLetter(index)));
    const { file } = library;
    library.close();

    const drawn = await run(process.execPath, [BIN, 'sample', '--db', file, '--size', '40', '--seed', '2024', '--json']);
    const plainSample = JSON.parse(drawn.stdout) as AuditSample;
    const stratified = JSON.parse((await run(process.execPath, [BIN, 'sample', '--db', file, '--size', '30', '--seed', '7', '--strata', 'format', '--json'])).stdout) as AuditSample;
    expect(plainSample).toMatchObject({ size: 40, frameLetters: LETTERS, strata: [] });
    expect(stratified.strataCounts.map((stratum) => [stratum.key, stratum.frameLetters, stratum.sampled])).toEqual([
      ['F1-credentials-block', 40, 20],
      ['F2', 20, 10],
    ]);

    // The reviewer verifies 32 of the plain sample's letters, correcting a decision on every
    // fourth, a service on every fifth; then the stratified sample's letters not in the plain one.
    const reopened = openLibrary(file);
    const { db } = reopened;
    const corrected = { decision: new Set<number>(), service: new Set<number>() };
    const verify = (letterId: number, position: number) => {
      if (letterOf(reopened, letterId).status === 'verified') return;
      const [first, second] = letterOf(reopened, letterId).items;
      if (position % 4 === 0) {
        setDecision(db, REVIEWER, refOf(reopened, letterId), first!.id, first!.decision === 'Upheld' ? 'Overturned' : 'Upheld');
        corrected.decision.add(letterId);
      }
      if (position % 5 === 0) {
        editItemField(db, REVIEWER, refOf(reopened, letterId), second!.id, 'service', { value: `${second!.service} (corrected)` });
        corrected.service.add(letterId);
      }
      verifyLetter(db, REVIEWER, refOf(reopened, letterId));
    };
    const plainLetters = sampleLetterIds(db, plainSample.id);
    plainLetters.slice(0, 32).forEach(verify);
    const stratifiedOnly = sampleLetterIds(db, stratified.id).filter((letterId) => !plainLetters.includes(letterId));
    stratifiedOnly.forEach((letterId, position) => verify(letterId, position + 1));
    const verified = plainLetters.slice(0, 32);
    // The stratified sample's evidence, letter by letter: its stratum (strata in key order) and what was corrected.
    const keys = stratified.strataCounts.map((stratum) => stratum.key);
    const stratifiedEvidence = sampleLetterIds(db, stratified.id)
      .filter((letterId) => letterOf(reopened, letterId).status === 'verified')
      .map((letterId) => ({ stratum: keys.indexOf(letterOf(reopened, letterId).format), decision: corrected.decision.has(letterId), service: corrected.service.has(letterId) }));

    // Blind passes: someone else re-enters 16 letters' decisions; the verifier re-reads 10 more,
    // entering the specialty, each decision and each category. Every label entered is recorded here.
    const labels = { inter: { decision: { verified: [] as string[], blind: [] as string[] } }, intra: { decision: { verified: [] as string[], blind: [] as string[] }, category: { verified: [] as string[], blind: [] as string[] } } };
    const other = (decision: string | null) => (decision === 'Upheld' ? 'Overturned' : 'Upheld');
    const inter = startBlindPass(db, 'Second Reader', 'decision', verified.slice(0, 16));
    verified.slice(0, 16).forEach((letterId, index) => {
      const items = letterOf(reopened, letterId).items.map((item, position) => {
        const blind = (index + position) % 5 === 0 ? other(item.decision) : (item.decision as string);
        labels.inter.decision.verified.push(item.decision as string);
        labels.inter.decision.blind.push(blind);
        return { decision: blind };
      });
      submitBlindLetter(db, inter.id, letterId, { letter: {}, items });
    });
    const CATEGORIES = ['imaging', 'physical-therapy', 'prescription-drug', 'acupuncture', 'surgery'];
    const intra = startBlindPass(db, REVIEWER.reviewer, 'fields', verified.slice(16, 26));
    verified.slice(16, 26).forEach((letterId, index) => {
      const letter = letterOf(reopened, letterId);
      const categories = itemCategories(db, letterId);
      const items = letter.items.map((item, position) => {
        const decision = (index + position) % 4 === 1 ? other(item.decision) : (item.decision as string);
        const verifiedCategory = categories[position] ?? 'none';
        const category = index % 3 === 2 && position === 0 ? (CATEGORIES.find((term) => term !== verifiedCategory) as string) : verifiedCategory === 'none' ? null : verifiedCategory;
        labels.intra.decision.verified.push(item.decision as string);
        labels.intra.decision.blind.push(decision);
        labels.intra.category.verified.push(verifiedCategory);
        labels.intra.category.blind.push(category ?? 'none');
        return { decision, category };
      });
      submitBlindLetter(db, intra.id, letterId, { letter: { reviewerSpecialty: index === 0 ? 'Neurology' : letter.reviewerSpecialty }, items });
    });
    reopened.close();

    const printed = await run(process.execPath, [BIN, 'quality', '--db', file, '--json'], { maxBuffer: 16 * 1024 * 1024 });
    const report = JSON.parse(printed.stdout) as QualityReport;
    const confidence = report.confidence;
    expect(confidence).toBe(0.95);
    const plain = report.samples.find((quality) => quality.sample.id === plainSample.id) as SampleQuality;
    const strata = report.samples.find((quality) => quality.sample.id === stratified.id) as SampleQuality;

    // The counts the exact intervals are of: what the reviewer did, letter by letter.
    const byMeasure = new Map(plain.estimates.map((estimate) => [estimate.measure, estimate]));
    expect(byMeasure.get('decision')).toMatchObject({ checked: 32, errors: verified.filter((id) => corrected.decision.has(id)).length });
    expect(byMeasure.get('service')).toMatchObject({ checked: 32, errors: verified.filter((id) => corrected.service.has(id)).length });
    expect(byMeasure.get('allExact')).toMatchObject({ checked: 32, errors: verified.filter((id) => corrected.decision.has(id) || corrected.service.has(id)).length });
    expect(byMeasure.get('decision')?.unread.letters).toBe(LETTERS - 32 - stratifiedOnly.length);

    // Kappa's label lists, per kind of agreement.
    const interKappa = report.agreement.find((summary) => summary.kind === 'inter');
    const intraKappa = report.agreement.find((summary) => summary.kind === 'intra');
    expect(interKappa?.letters).toBe(16);
    expect(intraKappa?.letters).toBe(10);
    const kappaCases = [
      { what: 'inter decision', estimate: interKappa?.kappas.find((kappa) => kappa.field === 'decision'), lists: labels.inter.decision },
      { what: 'intra decision', estimate: intraKappa?.kappas.find((kappa) => kappa.field === 'decision'), lists: labels.intra.decision },
      { what: 'intra category', estimate: intraKappa?.kappas.find((kappa) => kappa.field === 'category'), lists: labels.intra.category },
    ];
    for (const { what, estimate, lists } of kappaCases) expect({ what, items: estimate?.items }).toEqual({ what, items: lists.verified.length });

    const exactCases: { what: string; x: number; n: number; interval: Interval | null; upper?: number | null }[] = [];
    for (const estimate of plain.estimates) {
      exactCases.push({ what: `${estimate.measure} over the frame`, x: estimate.errors, n: estimate.checked, interval: estimate.interval, upper: estimate.upperBound });
      // Unstratified, the unread letters' interval is the same exact interval of the same counts.
      exactCases.push({ what: `${estimate.measure} over the unread letters`, x: estimate.errors, n: estimate.checked, interval: estimate.unread.interval });
    }
    for (const summary of report.agreement) {
      for (const field of summary.fields) exactCases.push({ what: `${summary.kind} agreement on ${field.field}`, x: field.agreed, n: field.compared, interval: field.interval });
    }
    // Korn-Graubard over the stratified sample, for the measures the reviewer corrected: the tallies by stratum rebuilt from the record.
    const wrongIn = { decision: (e: (typeof stratifiedEvidence)[number]) => e.decision, service: (e: (typeof stratifiedEvidence)[number]) => e.service, allExact: (e: (typeof stratifiedEvidence)[number]) => e.decision || e.service };
    const kgCases = (['decision', 'service', 'allExact'] as const).map((measure) => ({
      measure,
      estimate: strata.estimates.find((estimate) => estimate.measure === measure),
      strata: strata.sample.strataCounts.map((stratum, position) => ({
        population: stratum.frameLetters,
        frame: stratum.frameLetters,
        checked: stratifiedEvidence.filter((e) => e.stratum === position).length,
        errors: stratifiedEvidence.filter((e) => e.stratum === position && wrongIn[measure](e)).length,
      })),
    }));
    for (const { measure, estimate, strata: counts } of kgCases) {
      expect({ measure, checked: estimate?.checked, errors: estimate?.errors }).toEqual({ measure, checked: stratifiedEvidence.length, errors: counts.reduce((sum, stratum) => sum + stratum.errors, 0) });
      expect(strata.sample.strataCounts.map((stratum) => stratum.checked)).toEqual(counts.map((stratum) => stratum.checked));
    }
    const answers = askPython({
      exact: exactCases.map(({ x, n }) => ({ x, n, confidence })),
      kornGraubard: kgCases.map(({ strata: counts }) => ({ strata: counts, confidence })),
      kappas: kappaCases.map(({ lists }) => ({ ...lists, confidence })),
    });

    const differences: string[] = [];
    exactCases.forEach((question, index) => {
      const answer = answers.exact[index];
      compare(differences, `${question.what}, low`, question.interval?.low, answer?.low);
      compare(differences, `${question.what}, high`, question.interval?.high, answer?.high);
      if (question.upper !== undefined) compare(differences, `${question.what}, upper bound`, question.upper, answer?.upper);
    });
    kgCases.forEach(({ measure, estimate }, index) => {
      const answer = answers.kornGraubard[index];
      compare(differences, `${measure} stratified, rate`, estimate?.rate, answer?.rate);
      compare(differences, `${measure} stratified, low`, estimate?.interval?.low, answer?.low);
      compare(differences, `${measure} stratified, high`, estimate?.interval?.high, answer?.high);
      compare(differences, `${measure} stratified, upper bound`, estimate?.upperBound, answer?.upper);
    });
    kappaCases.forEach(({ what, estimate }, index) => {
      const answer = answers.kappas[index];
      compare(differences, `${what} kappa`, estimate?.kappa, answer?.kappa);
      if (hasStatsmodels) {
        compare(differences, `${what} kappa, low`, estimate?.interval?.low, answer?.low);
        compare(differences, `${what} kappa, high`, estimate?.interval?.high, answer?.high);
      }
    });
    expect(differences).toEqual([]);
    // Not vacuous: errors found, disagreements entered, kappas between 0 and 1.
    expect(exactCases.filter((question) => question.x > 0 && question.x < question.n).length).toBeGreaterThan(5);
    for (const { estimate } of kappaCases) expect(estimate?.kappa).toSatisfy((kappa: number) => kappa > 0 && kappa < 1);
    for (const { strata: counts } of kgCases) expect(counts.filter((stratum) => stratum.errors > 0 && stratum.errors < stratum.checked).length).toBeGreaterThan(0);
  });
});
