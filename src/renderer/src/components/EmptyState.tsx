/** An empty library: offer the sample letters shipped with the app, so a first run shows the whole flow. */
export function EmptyState({ onLoadSamples, onImport }: { readonly onLoadSamples: () => void; readonly onImport: () => void }) {
  return (
    <main className="empty-state">
      <h1>No letters yet</h1>
      <p>
        Import IMR Final Determination Letters (PDF or text, files or whole folders). Each letter is parsed into its fields and
        decision items; you check them against the source text, correct what is wrong, and mark the letter verified.
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={onLoadSamples} autoFocus>
          Load sample letters
        </button>
        <button type="button" onClick={onImport}>
          Import letters…
        </button>
      </div>
      <p className="muted">The samples are letters this app generated, not real cases.</p>
    </main>
  );
}
