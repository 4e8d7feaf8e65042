/**
 * Agreement between reviewers whose packages overlapped, one table per pair: their statuses on
 * the letters both decided, Cohen's kappa on the decisions, and each value on the letters both
 * verified, every share with its exact 95% interval.
 */
import { count } from '../../../shared/insightsFormat.ts';
import { LETTER_FIELDS } from '../../../shared/library.ts';
import { letters } from '../../../shared/qualityFormat.ts';
import type { PairAgreement } from '../../../shared/team.ts';
import { FieldAgreementRow, KappaRow } from '../quality/AgreementTables.tsx';
import { percentRange, rateOrDash } from '../quality/qualityFormat.ts';

export function PairAgreementTables({ agreement }: { readonly agreement: readonly PairAgreement[] }) {
  return (
    <section className="quality-card team-agreement" aria-labelledby="team-agreement-title">
      <h3 id="team-agreement-title">Agreement between reviewers</h3>
      {agreement.length === 0 ? (
        <p className="muted">No pair yet: agreement is measured on the letters two reviewers' packages shared, once both packages are merged back.</p>
      ) : (
        agreement.map((pair) => <PairTable key={pair.reviewers.join('\u0000')} pair={pair} />)
      )}
    </section>
  );
}

type FieldEstimate = PairAgreement['fields'][number];

const isLetterField = (field: FieldEstimate): boolean => (LETTER_FIELDS as readonly string[]).includes(field.field);

function Head({ first }: { readonly first: string }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col" className="n">
          Compared
        </th>
        <th scope="col" className="n">
          Agree
        </th>
        <th scope="col" className="n">
          Share
        </th>
        <th scope="col" className="n">
          95% interval
        </th>
      </tr>
    </thead>
  );
}

/** Each value's agreement; a value they did not always agree on stands out. */
function FieldTable({ caption, fields }: { readonly caption: string; readonly fields: readonly FieldEstimate[] }) {
  return (
    <table className="quality-table pair-table">
      <caption>{caption}</caption>
      <Head first="Value" />
      <tbody>
        {fields.map((field) => (
          <FieldAgreementRow key={field.field} field={field} markDisagreement />
        ))}
      </tbody>
    </table>
  );
}

function PairTable({ pair }: { readonly pair: PairAgreement }) {
  const [a, b] = pair.reviewers;
  const statusShare = pair.statusCompared === 0 ? null : pair.statusAgreed / pair.statusCompared;
  const letterFields = pair.fields.filter(isLetterField);
  const itemFields = pair.fields.filter((field) => !isLetterField(field));
  const items = itemFields[0]?.compared ?? 0;
  return (
    <section className="pair" aria-label={`${a} and ${b}`}>
      <h4>
        {a} and {b} <span className="muted">({letters(pair.statusCompared)} both decided, {count(pair.letters)} both verified)</span>
      </h4>
      <table className="quality-table pair-table pair-summary">
        <caption className="visually-hidden">
          {a} and {b}: statuses and decisions
        </caption>
        <Head first="Measure" />
        <tbody>
          <tr className="status-row">
            <th scope="row">Status (verified or flagged)</th>
            <td className="n">{letters(pair.statusCompared)}</td>
            <td className="n">{count(pair.statusAgreed)}</td>
            <td className="n">{rateOrDash(statusShare)}</td>
            <td className="n">{percentRange(pair.statusInterval)}</td>
          </tr>
          {pair.kappas.map((kappa) => (
            <KappaRow key={`kappa-${kappa.field}`} kappa={kappa} />
          ))}
        </tbody>
      </table>
      {pair.letters > 0 && (
        <div className="pair-fields">
          <FieldTable caption={`Letter values, on the ${letters(pair.letters)} both verified`} fields={letterFields} />
          {itemFields.length > 0 && <FieldTable caption={`Item values, on ${count(items)} item${items === 1 ? '' : 's'} at the same place in both`} fields={itemFields} />}
        </div>
      )}
    </section>
  );
}
