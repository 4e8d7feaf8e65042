/** Agreement between blind passes and the verified values: per field the share that agree, and Cohen's kappa for the choices. */
import { count, decimal } from '../../../shared/insightsFormat.ts';
import type { AgreementKind, AgreementSummary, FieldAgreementEstimate, KappaEstimate } from '../../../shared/quality.ts';
import { letters } from '../../../shared/qualityFormat.ts';
import { fieldLabel, kappaRange, percentRange, rateOrDash } from './qualityFormat.ts';

const KIND_LABELS: Readonly<Record<AgreementKind, string>> = {
  intra: 'Intra-rater: reviewers re-reading letters they verified',
  inter: "Inter-rater: reviewers re-reading someone else's letters",
};

export function AgreementTables({ agreement }: { readonly agreement: readonly AgreementSummary[] }) {
  return (
    <section className="quality-card" aria-labelledby="agreement-title">
      <h3 id="agreement-title">Agreement</h3>
      {agreement.length === 0 && <p className="muted">No blind entry yet.</p>}
      {agreement.map((summary) => (
        <div key={summary.kind} className="agreement">
          <h4>
            {KIND_LABELS[summary.kind]} <span className="muted">({letters(summary.letters)})</span>
          </h4>
          <table className="quality-table">
            <thead>
              <tr>
                <th>Value</th>
                <th className="n">Compared</th>
                <th className="n">Agree</th>
                <th className="n">Share</th>
                <th className="n">95% interval</th>
              </tr>
            </thead>
            <tbody>
              {summary.fields.map((field) => (
                <FieldAgreementRow key={field.field} field={field} />
              ))}
              {summary.kappas.map((kappa) => (
                <KappaRow key={`kappa-${kappa.field}`} kappa={kappa} />
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}

/** One value's agreement: compared, agreed, the share and its interval; `markDisagreement` tints a value not always agreed on. */
export function FieldAgreementRow({ field, markDisagreement = false }: { readonly field: FieldAgreementEstimate; readonly markDisagreement?: boolean }) {
  return (
    <tr className={markDisagreement && field.agreed < field.compared ? 'disagree' : undefined}>
      <th scope="row">{fieldLabel(field.field)}</th>
      <td className="n">{count(field.compared)}</td>
      <td className="n">{count(field.agreed)}</td>
      <td className="n">{rateOrDash(field.share)}</td>
      <td className="n">{percentRange(field.interval)}</td>
    </tr>
  );
}

/** Cohen's kappa on a choice, with its interval, in the same columns. */
export function KappaRow({ kappa }: { readonly kappa: KappaEstimate }) {
  return (
    <tr className="kappa-row">
      <th scope="row">κ {kappa.field === 'decision' ? 'Decision' : 'Service category'}</th>
      <td className="n">
        {count(kappa.items)} item{kappa.items === 1 ? '' : 's'}
      </td>
      <td className="n" />
      <td className="n">{decimal(kappa.kappa)}</td>
      <td className="n">{kappaRange(kappa.interval)}</td>
    </tr>
  );
}
