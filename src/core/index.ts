/** The public face of the core: what shells (content script, background, CLI, tests) import. */
export { findingMessage } from './finding-message';
export { toJsonClaim, toJsonReport } from './json-report';
export { fillLateReferences } from './references/late';
export { scanDocument, scanDocumentInSlices } from './scan';
export type * from './types';
