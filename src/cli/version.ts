import { version } from '../../package.json';

/** `citelens --version`: the package's version, inlined at build time. */
export const VERSION: string = version;
