/** Each command's usage line, apart from the commands so `--help` loads none of them. */
export const CHECK_USAGE = 'citelens check <file.html | URL> [--json] [--sources DIR]';
export const SCORE_USAGE = 'citelens score < pairs.jsonl > verdicts.jsonl';
