/**
 * The library's rule check settings: the decision windows, and the licensure finding, off by
 * default (the statute accepts a licence in any state) and turned on only with a reason, which
 * every finding then shows. Saving works every letter's findings out again in the background.
 */
import { useEffect, useState } from 'react';
import type { CheckSettings } from '../../../shared/checkSettings.ts';
import { HOME_STATE } from '../../../shared/licensure.ts';
import { api } from '../api/client.ts';
import { Modal } from './Modal.tsx';

export interface CheckSettingsDialogProps {
  readonly onSaved: () => void;
  readonly onClose: () => void;
  readonly onError: (message: string) => void;
}

export function CheckSettingsDialog({ onSaved, onClose, onError }: CheckSettingsDialogProps) {
  const [settings, setSettings] = useState<CheckSettings | null>(null);
  const [licensureOn, setLicensureOn] = useState(false);
  const [state, setState] = useState(HOME_STATE);
  const [why, setWhy] = useState('');
  useEffect(() => {
    api.getCheckSettings().then((loaded) => {
      setSettings(loaded);
      setLicensureOn(loaded.licensureFinding !== null);
      setState(loaded.licensureFinding?.state ?? HOME_STATE);
      setWhy(loaded.licensureFinding?.why ?? '');
    }, (error: unknown) => onError(error instanceof Error ? error.message : String(error)));
  }, [onError]);
  if (settings === null) return null;
  const days = settings.decisionWindowDays;
  const setDays = (key: keyof CheckSettings['decisionWindowDays'], value: number) =>
    setSettings({ ...settings, decisionWindowDays: { ...days, [key]: value } });
  const ready = !licensureOn || (state.trim() !== '' && why.trim() !== '');
  const save = () => {
    if (!ready) return;
    const next: CheckSettings = { ...settings, licensureFinding: licensureOn ? { state: state.trim(), why: why.trim() } : null };
    api.setCheckSettings(next).then(() => {
      onSaved();
      onClose();
    }, (error: unknown) => onError(error instanceof Error ? error.message : String(error)));
  };
  return (
    <Modal title="Rule checks" onClose={onClose}>
      <form
        className="check-settings"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <fieldset>
          <legend>Decision window after the date assigned (Labor Code 4610.6(d), 4610.5(l))</legend>
          <label>
            Standard, days <input type="number" min={1} max={365} value={days.standard} onChange={(e) => setDays('standard', Number(e.target.value))} />
          </label>
          <label>
            Expedited, days <input type="number" min={1} max={365} value={days.expedited} onChange={(e) => setDays('expedited', Number(e.target.value))} />
          </label>
        </fieldset>
        <fieldset>
          <legend>Reviewer licensure</legend>
          <p className="muted">
            An IMR reviewer needs a licence in any US state (Labor Code 139.5(d)), so the states are a fact the queue filters by and the insights count. Flag
            letters whose reviewer is not licensed in one state only if your review asks for it.
          </p>
          <label className="check">
            <input type="checkbox" checked={licensureOn} onChange={(e) => setLicensureOn(e.target.checked)} />
            Flag a reviewer not licensed in a state
          </label>
          {licensureOn && (
            <>
              <label className="stacked">
                State
                <input value={state} onChange={(e) => setState(e.target.value)} />
              </label>
              <label className="stacked">
                Why (shown with every finding)
                <input value={why} onChange={(e) => setWhy(e.target.value)} placeholder="e.g. our contract asks for reviewers licensed in California" />
              </label>
            </>
          )}
        </fieldset>
        <p className="muted">Saving works every letter&apos;s findings out again in the background.</p>
        <div className="actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!ready}>
            Save
          </button>
        </div>
      </form>
    </Modal>
  );
}
