/** Every rule check, with the one line that describes it (for the docs and the dataset card) and a title of a few words (for the fields pane). */

export const CHECK_CODES = {
  'case-number-format': 'The case number is "CM", two digits for the year, "-" and seven digits.',
  'case-number-year': "The case number's year is the year the application was received or assigned.",
  'date-invalid': 'Each header date is a real calendar date printed as MM/DD/YYYY.',
  'dates-out-of-order':
    'Date of injury <= UR denial date <= application received <= date assigned <= decision date.',
  'decision-outside-window': 'The decision date falls within the configured number of days after the date assigned.',
  'priority-unknown': 'The priority is Standard or Expedited.',
  'reviewer-licensure-state': 'Off unless a library turns it on, saying why: the expert reviewer is licensed in the state it names (the statute accepts any US state).',
  'decision-contradicts-rationale':
    'An Upheld item\'s rationale concludes "not medically necessary", an Overturned one\'s "medically necessary".',
  'rationale-without-conclusion': 'The rationale says whether the request is medically necessary.',
  'citation-not-in-force':
    "Each MTUS part a guideline cites was in force when applied: MAXIMUS's on the decision date, the Claims Administrator's on its UR denial date (the periods are data in the project, with their sources); a finding is for review.",
} as const;

export type CheckCode = keyof typeof CHECK_CODES;

/** A few words naming each check, where the app shows a finding beside its value. */
export const CHECK_TITLES: Readonly<Record<CheckCode, string>> = {
  'case-number-format': 'Case number format',
  'case-number-year': 'Case number year',
  'date-invalid': 'Not a date',
  'dates-out-of-order': 'Dates out of order',
  'decision-outside-window': 'Decision window',
  'priority-unknown': 'Priority',
  'reviewer-licensure-state': 'Licensure',
  'decision-contradicts-rationale': 'Decision against rationale',
  'rationale-without-conclusion': 'No conclusion',
  'citation-not-in-force': 'MTUS not in force',
};
