/**
 * Colours from the Okabe-Ito palette, told apart with every common colour-vision deficiency;
 * no chart tells two things apart by colour alone (labels, positions or shapes say it too).
 */
export const COLOURS = {
  upheld: '#0072B2',
  overturned: '#E69F00',
  undecided: '#999999',
  library: '#0072B2',
  libraryInterval: '#56B4E9',
  referenceInside: '#000000',
  referenceOutside: '#D55E00',
  text: '#1d2330',
  muted: '#5f6b7a',
  grid: '#dfe3e8',
} as const;

export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif";
/** Large enough to read at 1280x720 and in a saved PNG. */
export const FONT_SIZE = 13;
