/**
 * One sample's estimates: per measure, the checked letters, the errors, the rate with its exact
 * interval, and the rate among the frame's unread letters; the headline measures first. Then
 * where the sample stands against its target and what each further error costs.
 */
import { count } from '../../../shared/insightsFormat.ts';
import type { SampleQuality, TargetProgress } from '../../../shared/quality.ts';
import { QUALITY_MEASURE_LABELS } from '../../../shared/quality.ts';
import { describeTarget, inReadingOrder, letters, unreadSentence } from '../../../shared/qualityFormat.ts';
import { percentRange, rateOrDash } from './qualityFormat.ts';

export function SampleEstimates({ quality }: { readonly quality: SampleQuality }) {
  const { sample, estimates, target } = quality;
  const level = `${Math.round(quality.confidence * 100)}%`;
  const unread = estimates[0]?.unread.letters ?? 0;
  const decision = estimates.find((estimate) => estimate.measure === 'decision');
  return (
    <section className="quality-card" aria-labelledby="estimates-title">
      <h3 id="estimates-title">Error rates: {sample.name}</h3>
      <p className="muted">
        {count(sample.checked)} of {letters(sample.size)} checked (verified), drawn from {letters(sample.frameLetters)}. The parser's values are compared with
        the verified ones; intervals are exact at {level}.
      </p>
      {decision && decision.checked > 0 && <p className="unread-headline">{capitalised(unreadSentence(decision))}.</p>}
      {target && <TargetStatus target={target} />}
      <table className="quality-table estimates">
        <thead>
          <tr>
            <th>Value</th>
            <th className="n">Checked</th>
            <th className="n">Errors</th>
            <th className="n">Rate</th>
            <th className="n">{level} interval</th>
            <th className="n">Of the {count(unread)} unread</th>
          </tr>
        </thead>
        <tbody>
          {inReadingOrder(estimates).map((estimate) => (
            <tr key={estimate.measure} data-measure={estimate.measure} className={estimate.errors > 0 ? 'has-errors' : undefined}>
              <th scope="row">{QUALITY_MEASURE_LABELS[estimate.measure]}</th>
              <td className="n">{count(estimate.checked)}</td>
              <td className="n">{count(estimate.errors)}</td>
              <td className="n">{rateOrDash(estimate.rate)}</td>
              <td className="n">{percentRange(estimate.interval)}</td>
              <td className="n unread" title={unreadSentence(estimate)}>
                {estimate.unread.rate === null ? '-' : `${rateOrDash(estimate.unread.rate)} (${percentRange(estimate.unread.interval)})`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How many errors the costs list shows: enough to see the trend without a wall of figures. */
const COSTS_SHOWN = 6;

function TargetStatus({ target }: { readonly target: TargetProgress }) {
  const needed = target.needed === null ? 'more letters than the frame holds' : letters(target.needed);
  return (
    <div className={`target-status${target.met ? ' target-met' : ''}`} role="status">
      <p>
        <strong>Target: {describeTarget(target.target)}.</strong>{' '}
        {target.met
          ? `Met with ${letters(target.checked)} checked and ${count(target.errors)} error${target.errors === 1 ? '' : 's'}.`
          : `Not met yet: with the ${count(target.errors)} error${target.errors === 1 ? '' : 's'} found so far it takes ${needed} checked (${count(target.checked)} so far).`}
      </p>
      <p className="target-costs">
        What each error costs:{' '}
        {target.neededByErrors.slice(0, COSTS_SHOWN).map((n, errors) => (
          <span key={errors} className={errors === target.errors ? 'cost-now' : undefined}>
            {errors} error{errors === 1 ? '' : 's'}: {n === null ? 'more than the frame' : count(n)}
          </span>
        ))}
      </p>
    </div>
  );
}
