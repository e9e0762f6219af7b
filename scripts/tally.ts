// Command-line tally: `npm run tally -- FILE.json [--format json|table] [--method NAME] [--compare]`.
// Reads a tally input (or a larger export containing one), validates it, prints the result.
// Exit codes (scripts/tally-cli.ts, where the logic is): 0 done, 1 the export's figures differ from the
// recomputation, 2 unreadable or invalid input (or bad usage), 3 the export cannot recompute what was asked.

import { tallyCli } from './tally-cli';

const r = tallyCli(process.argv.slice(2));
process.stdout.write(r.stdout);
process.stderr.write(r.stderr);
process.exitCode = r.code;
