/**
 * The expert reviewer's states of licensure as a list: a fact about the letter, counted and
 * filtered on, not a finding. California's IMR statute asks for a licence in any state (see
 * docs/checks.md), so a reviewer licensed elsewhere is no error.
 */

/** The state the exports and the queue's "licensed in" filter name by default: the program is California's. */
export const HOME_STATE = 'California';

const STATES = [
  ['AL', 'Alabama'], ['AK', 'Alaska'], ['AZ', 'Arizona'], ['AR', 'Arkansas'], ['CA', 'California'], ['CO', 'Colorado'],
  ['CT', 'Connecticut'], ['DE', 'Delaware'], ['DC', 'District of Columbia'], ['FL', 'Florida'], ['GA', 'Georgia'],
  ['HI', 'Hawaii'], ['ID', 'Idaho'], ['IL', 'Illinois'], ['IN', 'Indiana'], ['IA', 'Iowa'], ['KS', 'Kansas'],
  ['KY', 'Kentucky'], ['LA', 'Louisiana'], ['ME', 'Maine'], ['MD', 'Maryland'], ['MA', 'Massachusetts'],
  ['MI', 'Michigan'], ['MN', 'Minnesota'], ['MS', 'Mississippi'], ['MO', 'Missouri'], ['MT', 'Montana'],
  ['NE', 'Nebraska'], ['NV', 'Nevada'], ['NH', 'New Hampshire'], ['NJ', 'New Jersey'], ['NM', 'New Mexico'],
  ['NY', 'New York'], ['NC', 'North Carolina'], ['ND', 'North Dakota'], ['OH', 'Ohio'], ['OK', 'Oklahoma'],
  ['OR', 'Oregon'], ['PA', 'Pennsylvania'], ['PR', 'Puerto Rico'], ['RI', 'Rhode Island'], ['SC', 'South Carolina'],
  ['SD', 'South Dakota'], ['TN', 'Tennessee'], ['TX', 'Texas'], ['UT', 'Utah'], ['VT', 'Vermont'], ['VA', 'Virginia'],
  ['WA', 'Washington'], ['WV', 'West Virginia'], ['WI', 'Wisconsin'], ['WY', 'Wyoming'],
] as const;

/** A state's name or postal code, folded, to its name as the lists print it. */
const NAMES = new Map<string, string>(STATES.flatMap(([code, name]) => [[code.toLowerCase(), name], [name.toLowerCase(), name]]));

/** "Texas,New York,California", "California, Oregon and Washington", "TX/CA". */
const LIST_SEPARATOR = /\s*(?:[,;/&]|\band\b)\s*/i;

/**
 * The states a licensure value names, each once, in the letter's order: a state's name or code
 * as its name ("CA", "CALIFORNIA": California), anything else as printed (spaces folded).
 */
export function licensureStates(licensure: string | null): string[] {
  if (licensure === null) return [];
  const states = licensure
    .split(LIST_SEPARATOR)
    .map((entry) => entry.replace(/\s+/g, ' ').replace(/^(?:the\s+)?(?:state\s+of\s+)?/i, '').replace(/\.$/, '').trim())
    .filter((entry) => entry !== '')
    .map((entry) => NAMES.get(entry.toLowerCase()) ?? entry);
  return [...new Set(states)];
}

/** Whether the licensure value names the state; null when it names none (not printed). */
export function isLicensedIn(licensure: string | null, state: string): boolean | null {
  const states = licensureStates(licensure);
  if (states.length === 0) return null;
  const wanted = NAMES.get(state.trim().toLowerCase()) ?? state.trim();
  return states.some((entry) => entry.toLowerCase() === wanted.toLowerCase());
}
