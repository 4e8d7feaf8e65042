/**
 * Bulk actions across letters: find items by a search over their fields and the queue's
 * filters, see how many and which, preview what a tag, an item status or a field value would
 * change, apply it to all of them as one change, and undo the whole of it in one step.
 */
import { useState } from 'react';
import type { BulkOperation, BulkPreview, BulkSearchField, BulkTarget } from '../../../shared/bulk.ts';
import { BULK_MAX_ITEMS } from '../../../shared/bulk.ts';
import type { BulkLetterInput, BulkSelectionInput } from '../../../shared/api.ts';
import { DECISIONS, LETTER_FORMATS } from '../../../shared/letter.ts';
import type { Decision, LetterFormat } from '../../../shared/letter.ts';
import type { ItemField, ItemStatus, LetterStatus, Tag } from '../../../shared/library.ts';
import { ITEM_STATUSES } from '../../../shared/library.ts';
import { api } from '../api/client.ts';
import { OptionalSelect, plainChoices } from '../components/OptionalSelect.tsx';
import { ITEM_FIELD_STYLES, labelInSentence } from '../fields.ts';
import { BulkPreviewTable, STATUS_WORDS } from './BulkPreviewTable.tsx';
import { Modal } from './Modal.tsx';

export interface BulkDialogProps {
  readonly tags: readonly Tag[];
  readonly onApplied: () => void;
  readonly onOpenLetter: (letterId: number) => void;
  readonly onClose: () => void;
  readonly onError: (message: string) => void;
}

/** Rows listed in the preview; the counts cover every item selected. */
const SHOWN_ROWS = 200;
const EDITABLE_STATUSES: readonly LetterStatus[] = ['unreviewed', 'in_progress', 'flagged'];
const VALUE_FIELDS: readonly ItemField[] = ['decision', 'service', 'claimsAdministratorGuideline', 'maximusGuideline'];

type OperationKind = BulkOperation['kind'];

function plural(n: number, noun: string): string {
  return `${n.toLocaleString()} ${noun}${n === 1 ? '' : 's'}`;
}

/** The preview's items grouped by letter, each letter with the revision it was previewed at. */
function byLetter(targets: readonly BulkTarget[]): BulkLetterInput[] {
  const letters = new Map<number, { letterId: number; revision: number; itemIds: number[] }>();
  for (const target of targets) {
    const letter = letters.get(target.letterId) ?? { letterId: target.letterId, revision: target.revision, itemIds: [] };
    letter.itemIds.push(target.itemId);
    letters.set(target.letterId, letter);
  }
  return [...letters.values()];
}

export function BulkDialog({ tags, onApplied, onOpenLetter, onClose, onError }: BulkDialogProps) {
  const [search, setSearch] = useState('');
  const [searchIn, setSearchIn] = useState<BulkSearchField>('service');
  const [status, setStatus] = useState<LetterStatus | undefined>(undefined);
  const [decision, setDecision] = useState<Decision | undefined>(undefined);
  const [tagId, setTagId] = useState<number | undefined>(undefined);
  const [format, setFormat] = useState<LetterFormat | undefined>(undefined);
  const [kind, setKind] = useState<OperationKind>('tag');
  const [opTag, setOpTag] = useState<number | undefined>(tags.find((t) => t.scope !== 'letter')?.id);
  const [tagOn, setTagOn] = useState(true);
  const [itemStatus, setItemStatus] = useState<ItemStatus>('confirmed');
  const [field, setField] = useState<ItemField>('decision');
  const [value, setValue] = useState('Upheld');
  const [preview, setPreview] = useState<BulkPreview | null>(null);
  const [applied, setApplied] = useState<{ changeId: number; sentence: string } | null>(null);
  const itemTags = tags.filter((t) => t.scope !== 'letter');

  const selection = (): BulkSelectionInput => ({
    search: search.trim(),
    searchIn,
    filter: {
      ...(status ? { status } : {}),
      ...(decision ? { decision } : {}),
      ...(tagId !== undefined ? { tagId } : {}),
      ...(format ? { format } : {}),
    },
    ...(kind === 'field' ? { showField: field } : {}),
  });
  /** Shows what the selection takes now; a new search forgets the change last applied, a refresh after it keeps it. */
  const find = (afterChange = false) =>
    api.previewBulk(selection(), BULK_MAX_ITEMS).then(
      (result) => {
        setPreview(result);
        if (!afterChange) setApplied(null);
      },
      (e: unknown) => onError(e instanceof Error ? e.message : String(e)),
    );

  const operation = (): BulkOperation | null => {
    if (kind === 'tag') return opTag === undefined ? null : { kind, tagId: opTag, on: tagOn };
    if (kind === 'status') return { kind, status: itemStatus };
    return { kind, field, value: value.trim() === '' ? null : value.trim() };
  };
  const op = operation();
  const tagName = itemTags.find((t) => t.id === opTag)?.name ?? '';
  const describe = (count: string) =>
    op === null
      ? 'Choose a tag to apply.'
      : op.kind === 'tag'
        ? `${op.on ? 'Tag' : 'Remove the tag'} "${tagName}" ${op.on ? 'on' : 'from'} ${count}.`
        : op.kind === 'status'
          ? `Mark ${count} ${STATUS_WORDS[op.status]}.`
          : `Set the ${labelInSentence(ITEM_FIELD_STYLES[op.field].label)} of ${count} to ${op.value === null ? 'nothing' : `"${op.value}"`}.`;
  const apply = () => {
    if (!preview || !op) return;
    const count = `${plural(preview.total, 'item')} in ${plural(preview.letters, 'letter')}`;
    api.applyBulk(byLetter(preview.targets), op).then(
      (result) => {
        setApplied(result.changeId === null ? null : { changeId: result.changeId, sentence: `Changed ${plural(result.itemsChanged, 'item')} in ${plural(result.lettersChanged, 'letter')}.` });
        if (result.changeId === null) onError(`Nothing changed: the ${count} were already so.`);
        onApplied();
        void find(true);
      },
      (e: unknown) => onError(e instanceof Error ? e.message : String(e)),
    );
  };
  const undo = () => {
    if (!applied) return;
    api.undo({ expected: applied.changeId }).then(
      () => {
        setApplied(null);
        onApplied();
        void find(true);
      },
      (e: unknown) => onError(e instanceof Error ? e.message : String(e)),
    );
  };

  const tooMany = preview !== null && preview.total > preview.targets.length;
  return (
    <Modal title="Bulk actions" onClose={onClose} wide>
      <form
        className="bulk-form"
        onSubmit={(event) => {
          event.preventDefault();
          void find();
        }}
      >
        <fieldset>
          <legend>Select items</legend>
          <div className="filters-row">
            <input type="search" aria-label="Item text to find" placeholder='Words, lumb*, "a phrase"' value={search} onChange={(e) => setSearch(e.target.value)} />
            <select aria-label="Search in" value={searchIn} onChange={(e) => setSearchIn(e.target.value as BulkSearchField)}>
              <option value="service">in the service</option>
              <option value="any">in any item field</option>
            </select>
          </div>
          <div className="filters-row">
            <OptionalSelect label="Letter status" anyLabel="Any status (not verified)" value={status} choices={plainChoices(EDITABLE_STATUSES, (s) => s.replace('_', ' '))} onChange={setStatus} />
            <OptionalSelect label="Item decision" anyLabel="Any decision" value={decision} choices={plainChoices(DECISIONS)} onChange={setDecision} />
            <OptionalSelect label="Tag" anyLabel="Any tag" value={tagId} choices={tags.map((t) => ({ value: t.id, label: t.name }))} onChange={setTagId} />
            <OptionalSelect label="Format" anyLabel="Any format" value={format} choices={plainChoices(LETTER_FORMATS)} onChange={setFormat} />
            <button type="submit" className="primary">
              Find items
            </button>
          </div>
        </fieldset>
        <fieldset>
          <legend>Change</legend>
          <div className="filters-row">
            <select aria-label="What to change" value={kind} onChange={(e) => setKind(e.target.value as OperationKind)}>
              <option value="tag">A tag</option>
              <option value="status">The item status</option>
              <option value="field">A field value</option>
            </select>
            {kind === 'tag' && (
              <>
                <select aria-label="Add or remove" value={tagOn ? 'on' : 'off'} onChange={(e) => setTagOn(e.target.value === 'on')}>
                  <option value="on">add</option>
                  <option value="off">remove</option>
                </select>
                <OptionalSelect label="Tag to apply" anyLabel="Choose a tag" value={opTag} choices={itemTags.map((t) => ({ value: t.id, label: t.name }))} onChange={setOpTag} />
              </>
            )}
            {kind === 'status' && (
              <select aria-label="Item status" value={itemStatus} onChange={(e) => setItemStatus(e.target.value as ItemStatus)}>
                {ITEM_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_WORDS[s]}
                  </option>
                ))}
              </select>
            )}
            {kind === 'field' && (
              <>
                <select
                  aria-label="Field"
                  value={field}
                  onChange={(e) => {
                    setField(e.target.value as ItemField);
                    setValue(e.target.value === 'decision' ? 'Upheld' : '');
                  }}
                >
                  {VALUE_FIELDS.map((f) => (
                    <option key={f} value={f}>
                      {ITEM_FIELD_STYLES[f].label}
                    </option>
                  ))}
                </select>
                {field === 'decision' ? (
                  <select aria-label="New value" value={value} onChange={(e) => setValue(e.target.value)}>
                    {DECISIONS.map((d) => (
                      <option key={d} value={d}>
                        {d}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input aria-label="New value" value={value} onChange={(e) => setValue(e.target.value)} placeholder="The value for every item" />
                )}
              </>
            )}
          </div>
        </fieldset>
      </form>
      {preview && (
        <section className="bulk-preview" aria-label="Preview">
          <p role="status">
            <strong>{plural(preview.total, 'item')}</strong> in {plural(preview.letters, 'letter')}
            {preview.skippedVerified > 0 && <span className="muted"> · {plural(preview.skippedVerified, 'item')} on verified letters left out (reopen them to change them)</span>}
          </p>
          {preview.total > 0 && (
            <>
              <p>{tooMany ? `A bulk action takes at most ${BULK_MAX_ITEMS.toLocaleString()} items: narrow the selection.` : describe(`these ${plural(preview.total, 'item')}`)}</p>
              <div className="actions">
                {applied && (
                  <button type="button" onClick={undo}>
                    Undo this bulk change
                  </button>
                )}
                <button type="button" className="primary" disabled={tooMany || op === null} onClick={apply}>
                  Apply to {plural(preview.total, 'item')}
                </button>
              </div>
              <BulkPreviewTable targets={preview.targets.slice(0, SHOWN_ROWS)} operation={op} tagName={tagName} onOpenLetter={onOpenLetter} />
              {preview.targets.length > SHOWN_ROWS && <p className="muted">…and {plural(preview.targets.length - SHOWN_ROWS, 'more item')}.</p>}
            </>
          )}
        </section>
      )}
      {applied && (
        <p role="status" className="notice">
          {applied.sentence} One undo (here, ↶ Undo or Ctrl+Z) takes it all back.
        </p>
      )}
    </Modal>
  );
}

