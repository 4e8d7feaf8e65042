/** One option of a segmented choice (the Insights view's look): a radio button styled as a tab. */
export interface ChoiceProps<T extends string> {
  readonly name: string;
  readonly value: T;
  readonly current: T;
  readonly label: string;
  readonly disabled?: boolean;
  readonly onChange: (value: T) => void;
}

export function Choice<T extends string>(props: ChoiceProps<T>) {
  return (
    <label className={props.current === props.value ? 'chosen' : undefined}>
      <input type="radio" name={props.name} value={props.value} checked={props.current === props.value} disabled={props.disabled} onChange={() => props.onChange(props.value)} />
      {props.label}
    </label>
  );
}
