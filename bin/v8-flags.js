// V8's optimising compiler set to compile less, for every process that runs sitrep's pipeline (the
// CLI, and through it the server and its workers; `npm run fuzz` times inputs under the same
// flags, since those are the program's). A run over a few thousand articles spends much of its
// time before its code is optimised, and on one core the compiler thread takes its CPU from
// extraction. No inlining (over `npm run bench`'s 2,000 articles pinned to one CPU, 18% less CPU
// time than V8's defaults), no loop peeling (a further 6%) and no inlined array built-ins (4%);
// runs of 10,000 articles are 4-8% faster with the last two and the same with the first.
// Regular expressions compiled to machine code at their first use (--no-regexp-tier-up): by default
// V8 first compiles each to bytecode for the interpreter, then again to machine code at its second
// use, and the pipeline's expressions (long word alternations, Unicode classes) nearly all run more
// than once: `sitrep extract` of 249 Guardian articles, callgrind --predictable, 7.13 -> 6.73 G
// instructions, output identical.
// A function is optimised after twice V8's default interrupt budget (--interrupt-budget, 66 KB of
// bytecode executed by default): optimising compiles made up a third of the instructions of a
// run over a few hundred articles, and many compiled functions ran little after. `sitrep extract`
// of 249 Guardian articles, callgrind --predictable: 6.76 -> 6.08 G instructions; of the 1,992
// bench articles pinned to one CPU, 0.89x the CPU time (median of 4 alternating pairs); output
// identical.
// No escape analysis (--no-turbo-escape): without inlining, nearly every object a function makes
// escapes into a call, so the analysis (about 2% of the instructions of a run over 249 articles)
// found little to remove. `sitrep extract` of 249 Guardian articles, callgrind --predictable:
// 6.31 -> 6.22 G instructions; output identical.
// Flags are process-wide: set them before the pipeline's code is loaded.
import { setFlagsFromString } from 'node:v8';

export const V8_FLAGS = ['--no-turbo-inlining', '--no-turbo-loop-peeling', '--no-turbo-inline-array-builtins', '--no-regexp-tier-up', '--interrupt-budget=135168', '--no-turbo-escape'];

for (const flag of V8_FLAGS) setFlagsFromString(flag);
