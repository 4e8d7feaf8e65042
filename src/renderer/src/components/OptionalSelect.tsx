/** A filter's drop-down: "Any …" or one of the choices. Used by the queue and the export dialog. */
export interface Choice<T extends string | number> {
  readonly value: T;
  readonly label: string;
  /** What the choice means, as its tooltip. */
  readonly title?: string;
}

export interface OptionalSelectProps<T extends string | number> {
  readonly label: string;
  /** The no-filter option, e.g. "Any tag". */
  readonly anyLabel: string;
  readonly value: T | undefined;
  readonly choices: readonly Choice<T>[];
  readonly onChange: (value: T | undefined) => void;
}

export function OptionalSelect<T extends string | number>({ label, anyLabel, value, choices, onChange }: OptionalSelectProps<T>) {
  return (
    <select
      aria-label={label}
      value={value === undefined ? '' : String(value)}
      onChange={(event) => onChange(choices.find((choice) => String(choice.value) === event.target.value)?.value)}
    >
      <option value="">{anyLabel}</option>
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value} title={choice.title}>
          {choice.label}
        </option>
      ))}
    </select>
  );
}

/** Choices whose label is the value itself. */
export function plainChoices<T extends string>(values: readonly T[], label: (value: T) => string = (v) => v): Choice<T>[] {
  return values.map((value) => ({ value, label: label(value) }));
}
