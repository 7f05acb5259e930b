/**
 * Choosing where a step reads from: the selection, an Excel table, or the last source again
 * (by table name or address, without moving the user's selection). Every step that reads a
 * table from the workbook has one (the requisitions step has two: maxima and requisitions).
 */
import { InputError } from "../../core/problems";
import type { ExcelPort, SourceRange, TableInfo } from "../../excel/port";
import type { Busy } from "./step";

export interface LastSource {
  address: string;
  tableName?: string;
}

export interface SourceState {
  tables: TableInfo[];
  source: SourceRange | null;
  /** Source of the last run from the workbook settings, offered for re-reading. */
  last: LastSource | null;
}

export interface SourceHooks {
  /** The step's Excel runner (busy flag, error handling). */
  run: (busy: Busy, action: () => Promise<void>) => Promise<void>;
  /** A source was read; a step may read more with it (while the same busy flag stands). */
  read: (source: SourceRange) => void | Promise<void>;
  /** The source was refused (e.g. an empty range): the step forgets what it had. */
  refused: () => void;
}

export class SourcePicker {
  readonly state: SourceState = { tables: [], source: null, last: null };

  constructor(
    private readonly port: ExcelPort,
    private readonly hooks: SourceHooks
  ) {}

  async listTables(): Promise<void> {
    await this.hooks.run("reading", async () => {
      this.state.tables = await this.port.listTables();
    });
  }

  hasTable(name: string): boolean {
    return this.state.tables.some((t) => t.name === name);
  }

  useSelection(): Promise<void> {
    return this.read(() => this.port.readSelection());
  }

  readTable(name: string): Promise<void> {
    return this.read(() => this.port.readTable(name));
  }

  readRange(address: string): Promise<void> {
    return this.read(() => this.port.readRange(address));
  }

  /** Reads the last source again: the table by name, else the range by its address. */
  reread(): Promise<void> {
    const last = this.state.source ?? this.state.last;
    if (!last) return Promise.resolve();
    if (last.tableName) return this.readTable(last.tableName);
    return this.readRange(last.address);
  }

  private async read(read: () => Promise<SourceRange>): Promise<void> {
    await this.hooks.run("reading", async () => {
      let source: SourceRange;
      try {
        source = await read();
      } catch (error) {
        // A refused source replaces the old one, so the error is not hidden by it.
        if (error instanceof InputError) {
          this.state.source = null;
          this.hooks.refused();
        }
        throw error;
      }
      this.state.source = source;
      await this.hooks.read(source);
    });
  }
}
