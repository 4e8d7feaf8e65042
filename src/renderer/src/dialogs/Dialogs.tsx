/** Every dialog the workstation opens, one at a time, over the letter on screen. */
import type { StoredLetter, Tag } from '../../../shared/library.ts';
import type { Dialog } from '../App.tsx';
import type { FieldTarget } from '../fields.ts';
import type { ReviewActions } from '../state/useReviewActions.ts';
import { BulkDialog } from './BulkDialog.tsx';
import { CheckSettingsDialog } from './CheckSettingsDialog.tsx';
import { ConflictsDialog } from './ConflictsDialog.tsx';
import { CorrectionsDialog } from './CorrectionsDialog.tsx';
import { ExportDialog } from './ExportDialog.tsx';
import { HistoryDialog } from './HistoryDialog.tsx';
import { ImportDialog } from './ImportDialog.tsx';
import { ShortcutSheet } from './ShortcutSheet.tsx';
import { TagManager } from './TagManager.tsx';
import { TagPicker } from './TagPicker.tsx';
import { TextPrompt } from './TextPrompt.tsx';

export interface DialogsProps {
  readonly dialog: Dialog;
  readonly letter: StoredLetter | null;
  readonly focused: FieldTarget | null;
  readonly tags: readonly Tag[];
  readonly actions: ReviewActions;
  readonly onClose: () => void;
  /** Something changed in the library: reload what is on screen. */
  readonly onChanged: () => void;
  readonly onOpenLetter: (letterId: number) => void;
  readonly onError: (message: string) => void;
  readonly fail: (error: unknown) => void;
}

export function Dialogs({ dialog, letter, focused, tags, actions, onClose, onChanged, onOpenLetter, onError, fail }: DialogsProps) {
  switch (dialog) {
    case 'help':
      return <ShortcutSheet onClose={onClose} />;
    case 'tags':
      return <TagManager tags={tags} onChanged={onChanged} onClose={onClose} onError={onError} />;
    case 'import':
      return <ImportDialog onClose={onClose} onImported={onChanged} onError={onError} />;
    case 'export':
      return <ExportDialog tags={tags} onClose={onClose} onError={onError} />;
    case 'conflicts':
      return <ConflictsDialog onResolved={onChanged} onOpenLetter={onOpenLetter} onClose={onClose} onError={onError} />;
    case 'bulk':
      return <BulkDialog tags={tags} onApplied={onChanged} onOpenLetter={onOpenLetter} onClose={onClose} onError={onError} />;
    case 'checks':
      return <CheckSettingsDialog onSaved={onChanged} onClose={onClose} onError={onError} />;
    case 'corrections':
      return <CorrectionsDialog onOpenLetter={onOpenLetter} onClose={onClose} onError={onError} />;
    case 'history':
      return letter && <HistoryDialog letterId={letter.id} onClose={onClose} />;
    case 'flag':
      return (
        letter && (
          <TextPrompt
            title="Flag this letter"
            label="Why does it need attention?"
            submitLabel="Flag"
            onClose={onClose}
            onSubmit={(reason) => {
              onClose();
              void actions.flag(letter, reason).catch(fail);
            }}
          />
        )
      );
    case 'note':
      return (
        letter && (
          <TextPrompt
            title="Add a note"
            label="Note on this letter (Ctrl+Enter adds it)"
            submitLabel="Add note"
            multiline
            onClose={onClose}
            onSubmit={(body) => {
              onClose();
              void actions.addNote(letter, body).catch(fail);
            }}
          />
        )
      );
    case 'tagPicker': {
      if (!letter) return null;
      const onItem = focused?.kind === 'item' ? letter.items.find((i) => i.id === focused.itemId) : undefined;
      return (
        <TagPicker
          tags={tags}
          scope={onItem ? 'item' : 'letter'}
          subject={onItem ? `item ${letter.items.indexOf(onItem) + 1}` : 'the letter'}
          current={onItem ? onItem.tags : letter.tags}
          onToggle={(tag) => void actions.toggleTag(letter, tag, focused).catch(fail)}
          onClose={onClose}
        />
      );
    }
    case null:
      return null;
  }
}

/** The reviewer's name, asked for once per library before any change can be made. */
export function ReviewerPrompt({ onSubmit }: { readonly onSubmit: (name: string) => void }) {
  return (
    <TextPrompt
      title="Who is reviewing?"
      label="Your name is stamped on every edit and verification."
      submitLabel="Start reviewing"
      required
      onClose={() => undefined}
      onSubmit={onSubmit}
    />
  );
}
