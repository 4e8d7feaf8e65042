/** Bump when a change can change what the vocabulary reads from the same text. */
export const VOCABULARY_VERSION = '1.1.0';
