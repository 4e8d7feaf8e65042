/** A team on one dataset: work packages made for reviewers, merged back, and their agreement. No transport here. */
export { packageAgreement } from './agreement.ts';
export { makePackages, packageFileName } from './makePackages.ts';
export type { MakePackagesControl, MakePackagesRequest } from './makePackages.ts';
export { mergePackage, PackageFileError } from './mergePackage.ts';
export type { MergePackageControl } from './mergePackage.ts';
