/**
 * The diff part of the engine: git 2.39's xdiff line diff, `git diff` text, stats, `--check`
 * and the three-way content merge, byte for byte as git prints and writes them (see README.md).
 * Pure modules: no Node.js imports, nothing computed at import time.
 */

export {binaryToBytes, isBinaryContent, quoteCStyle, toBinary} from './bytes.js';
export {checkFile, parseWhitespaceRule, WS_DEFAULT_RULE} from './check.js';
export {formatCombinedDiff} from './combined.js';
export {MERGE_FILE_OPTIONS, mergeContents, XDL_MERGE_EAGER, XDL_MERGE_MINIMAL, XDL_MERGE_ZEALOUS, XDL_MERGE_ZEALOUS_ALNUM} from './merge.js';
export {formatNumstat, formatShortStat, formatStat, formatSummary, prettyRename, statFile, summaryLine} from './stat.js';
export {fileDiffBinary, formatFileDiff, formatHunks, modeString} from './unified.js';
export {diffContents, diffRecords} from './xdiff.js';
