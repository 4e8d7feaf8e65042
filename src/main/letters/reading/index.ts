export { DEFAULT_MAX_BYTES, formatSize, readLetterFile, type ReadLetterOptions } from './readLetterFile.ts';
export { fileSystemPath, nameFromBytes, readableName } from './fileNames.ts';
export { readAndHash } from './readAndHash.ts';
export type { HashedFile } from './readAndHash.ts';
export { LetterReadError } from './LetterReadError.ts';
export { packedCopy } from './layoutCodec.ts';
