/** Why something the reviewer asked for did not happen, read out at once; nothing while all is well. */
export function Problem({ text }: { readonly text: string | null }) {
  if (text === null) return null;
  return (
    <p className="error" role="alert">
      {text}
    </p>
  );
}
