/**
 * Imports a file of change-meter aggregates submitted by an employment area (or an instrument's
 * coordinator) into `data/change-meter/published/`: the command line only. The rules, the
 * checks, the protection audit and the suppression are in `src/lib/change-meter/`, the reading
 * and writing in `scripts/lib/change-meter/store.ts`; `data/change-meter/README.md` explains them.
 *
 * A file that breaks a refusal rule is refused as a whole: the command prints one line naming
 * the rule, the file, the row and the field, exits 1 and writes nothing.
 *
 * Usage: node scripts/import-change-meter.ts --file <submitted.csv> [--out data/change-meter] [--registry <instruments.yaml>]
 */
import loadHighs from 'highs';
import { loadReference } from './lib/validate/reference.ts';
import { InputError } from '../src/lib/errors.ts';
import { highsSolver } from '../src/lib/change-meter/solver.ts';
import { ROOT, option, runMain } from './lib/args.ts';
import { runImport } from './lib/change-meter/store.ts';

if (import.meta.url === `file://${process.argv[1]}`) {
  runMain(async () => {
    const file = option('file');
    if (!file) {
      throw new InputError({ file: '(command line)' }, 'usage: node scripts/import-change-meter.ts --file <submitted.csv> [--out data/change-meter] [--registry <instruments.yaml>]');
    }
    const { report } = await runImport({
      file,
      out: option('out', 'data/change-meter'),
      registry: option('registry'),
      root: ROOT,
      ref: loadReference(ROOT),
      solver: highsSolver(await loadHighs()),
    });
    console.log(report);
  });
}
