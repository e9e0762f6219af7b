// Replays a failing property test. fast-check picks a fresh seed on every run and prints it when a
// property fails (`{ seed: 1234, path: "5:2", endOnFailure: true }`); run the same test with
// FC_SEED=1234 FC_PATH=5:2 to get the same counterexample again (docs/TESTING.md).
import fc from 'fast-check';

if (process.env.FC_SEED) {
  fc.configureGlobal({
    seed: Number(process.env.FC_SEED),
    ...(process.env.FC_PATH ? { path: process.env.FC_PATH } : {}),
    endOnFailure: true,
  });
}
