export { DEFAULT_MAX_BYTES, formatSize, readLetterFile, type ReadLetterOptions } from './readLetterFile.ts';
export { fileSystemPath, nameFromBytes, readableName } from './fileNames.ts';
export { LetterReadError } from './LetterReadError.ts';
export { packedCopy } from './layoutCodec.ts';
