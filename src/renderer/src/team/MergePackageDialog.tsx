/**
 * Merging a package a reviewer sent back, by its typed path: what it brought (letters changed,
 * values taken, conflicts) and, where two people disagreed, the way on to the adjudication list.
 */
import { useEffect, useRef, useState } from 'react';
import type { MergePackageResult } from '../../../shared/team.ts';
import { api } from '../api/client.ts';
import { Problem } from '../components/Problem.tsx';
import { Modal } from '../dialogs/Modal.tsx';

export interface MergePackageDialogProps {
  /** The path typed to start with: a package's file in the folder packages were last written to. */
  readonly initialPath: string;
  readonly onMerged: (result: MergePackageResult) => void;
  readonly onAdjudicate: () => void;
  readonly onClose: () => void;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "round1-Ana (Ana): 3 letters changed, 5 values taken, 1 conflict to decide." */
export function describeMerge(result: MergePackageResult): string {
  const who = `${result.name} (${result.reviewer})`;
  if (result.changeId === null) return `${who}: nothing new. Every change it holds was merged before.`;
  return `${who}: ${plural(result.lettersChanged, 'letter')} changed, ${plural(result.taken, 'value')} taken, ${plural(result.conflicts, 'conflict')} to decide.`;
}

export function MergePackageDialog({ initialPath, onMerged, onAdjudicate, onClose }: MergePackageDialogProps) {
  const [file, setFile] = useState(initialPath);
  const [merging, setMerging] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<MergePackageResult | null>(null);
  const next = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  // The path starts as a folder: the caret waits at its end for the file's name.
  useEffect(() => input.current?.setSelectionRange(initialPath.length, initialPath.length), [initialPath]);
  // Once merged, the keyboard is on what comes next: the conflicts to decide, or Done.
  useEffect(() => next.current?.focus(), [result]);

  const merge = (event: React.FormEvent) => {
    event.preventDefault();
    const typed = file.trim();
    if (typed === '') return setProblem('Type the path of the package file a reviewer sent back (it ends in .imrlib).');
    setProblem(null);
    setMerging(true);
    api
      .mergePackage(typed)
      .then(
        (merged) => {
          setResult(merged);
          onMerged(merged);
        },
        (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)),
      )
      .finally(() => setMerging(false));
  };

  return (
    <Modal title="Merge a package" onClose={onClose} wide>
      {result ? (
        <div className="merge-result">
          <p role="status">{describeMerge(result)}</p>
          {result.changeId !== null && <p className="muted small">The merge is one change under {result.reviewer}'s name: Undo takes it back whole.</p>}
          <div className="actions">
            {result.conflicts > 0 ? (
              <>
                <button type="button" onClick={onClose}>
                  Later
                </button>
                <button type="button" className="primary" ref={next} onClick={onAdjudicate}>
                  Decide {plural(result.conflicts, 'conflict')}
                </button>
              </>
            ) : (
              <button type="button" className="primary" ref={next} onClick={onClose}>
                Done
              </button>
            )}
          </div>
        </div>
      ) : (
        <form className="export-form" onSubmit={merge} noValidate>
          <label className="stacked">
            Package file sent back by a reviewer
            <input ref={input} value={file} onChange={(e) => setFile(e.target.value)} spellCheck={false} placeholder="/home/me/packages/round-1-Ana.imrlib" />
          </label>
          <p className="muted small">
            Every change the reviewer made comes in under their name. Where you and they changed the same value differently, or one flagged a letter the other verified, nothing is
            overwritten: it waits in the adjudication list.
          </p>
          <Problem text={problem} />
          <div className="actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={merging}>
              {merging ? 'Merging…' : 'Merge'}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
