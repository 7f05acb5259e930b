/**
 * The runner's commands, in the order `statsbidrag --help` lists them. To add one, export a
 * `Command` (see command.ts) from its own module and add it here: one line.
 */
import { allocate } from "./allocate-command";
import type { Command } from "./command";
import { demo } from "./demo";
import { rerun } from "./rerun-command";

export const COMMANDS: readonly Command[] = [allocate, rerun, demo];
