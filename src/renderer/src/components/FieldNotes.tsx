/**
 * What a field's value has against it, beside the field: the parser's open warnings (⚠) and the
 * rule checks' findings (◆), each with its reason. The id lets the field's text box name them
 * as its description, so a screen reader reads them with the value.
 */
import type { CheckCode } from '../../../shared/checkCodes.ts';
import type { CheckFinding } from '../../../shared/derived.ts';
import type { StoredWarning } from '../../../shared/library.ts';
import { CHECK_TITLES } from '../../../shared/checkCodes.ts';

export interface FieldNotesProps {
  readonly id: string;
  readonly warnings: readonly StoredWarning[];
  readonly checks: readonly CheckFinding[];
}

export function FieldNotes({ id, warnings, checks }: FieldNotesProps) {
  if (warnings.length === 0 && checks.length === 0) return null;
  return (
    <div id={id} className="field-notes">
      {warnings.map((warning, i) => (
        <div key={`w${i}`} className="warning" role="note">
          ⚠ {warning.message}
        </div>
      ))}
      {checks.map((check, i) => (
        <div key={`c${i}`} className="check-finding" role="note" data-check={check.code}>
          <span className="check-title">◆ {CHECK_TITLES[check.code as CheckCode] ?? 'Check'}:</span> {check.message}
        </div>
      ))}
    </div>
  );
}
