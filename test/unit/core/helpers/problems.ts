import { InputError, type Problem } from "../../../../src/core/problems";

/** The problems an InputError carries; fails the test if `run` does not throw one. */
export function problemsOf(run: () => unknown): readonly Problem[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error("expected an InputError, but nothing was thrown");
}
