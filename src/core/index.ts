/** The public face of the core: what shells (content script, background, CLI, tests) import. */
export { toJsonClaim, toJsonReport } from './json-report';
export { fillLateReferences } from './references/late';
export { scanDocument, scanDocumentInSlices } from './scan';
export type * from './types';
