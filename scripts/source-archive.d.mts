export declare function sourceFiles(root: string): string[];
export declare function writeSourceArchive(root: string, dir: string, name: string): string;
