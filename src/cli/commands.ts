/**
 * The runner's commands, in the order `statsbidrag --help` lists them. To add one, export a
 * `Command` (see command.ts) from its own module and add it here: one line.
 */
import { allocate } from "./allocate-command";
import type { Command } from "./command";
import { demo } from "./demo";
import { report } from "./report-command";
import { requisitions } from "./requisitions-command";
import { rerun } from "./rerun-command";

export const COMMANDS: readonly Command[] = [allocate, requisitions, report, rerun, demo];
