/** An in-memory ExcelPort for the pane's controller: records every call the pane makes. */
import type { CellValue, Grid } from "../../../src/core/grid";
import type { OutputJob } from "../../../src/core/sheets/jobs";
import type { SheetModel } from "../../../src/core/sheets/sheet-model";
import type {
  BlockProgress,
  ExcelPort,
  SourceRange,
  TableInfo,
  WrittenOutput,
} from "../../../src/excel/port";
import { STOCKHOLM_2024 } from "../../fixtures/stockholm-2024";

export class FakePort implements ExcelPort {
  selection: SourceRange;
  tables: { info: TableInfo; source: SourceRange }[] = [];
  settings = new Map<string, unknown>();
  writes: { job: OutputJob; model: SheetModel }[] = [];
  selects: string[] = [];
  language = "sv-SE";
  failNext: Error | null = null;

  constructor(grid: Grid, address: string) {
    this.selection = { grid, address };
  }

  private takeFailure(): void {
    const failure = this.failNext;
    this.failNext = null;
    if (failure) throw failure;
  }

  async readSelection(): Promise<SourceRange> {
    this.takeFailure();
    return this.selection;
  }

  async listTables(): Promise<TableInfo[]> {
    return this.tables.map((t) => t.info);
  }

  async readTable(name: string): Promise<SourceRange> {
    this.takeFailure();
    const table = this.tables.find((t) => t.info.name === name);
    if (!table) throw new Error(`no table ${name}`);
    return table.source;
  }

  ranges = new Map<string, SourceRange>();

  async readRange(address: string): Promise<SourceRange> {
    this.takeFailure();
    const source =
      this.ranges.get(address) ?? (this.selection.address === address ? this.selection : undefined);
    if (!source) throw new Error(`no range ${address}`);
    return source;
  }

  /** Sheets the add-in owns, by job (what writeOutput wrote, or set by a test as user-edited). */
  owned = new Map<OutputJob, SourceRange>();
  ownedReads: OutputJob[] = [];
  /** Rows per block of readRangeInBlocks; every block read is recorded. */
  blockRows = 1000;
  blockReads: { address: string; rows: number }[] = [];
  /** Called before each block is read (a test may abort here). */
  beforeBlock: (index: number) => void = () => undefined;

  async readRangeInBlocks(
    address: string,
    onProgress?: (progress: BlockProgress) => void,
    signal?: AbortSignal
  ): Promise<SourceRange> {
    this.takeFailure();
    const source = await this.readRange(address);
    const total = source.grid.values.length;
    let syncs = 1;
    for (let done = 0, index = 0; done < total; index++) {
      this.beforeBlock(index);
      if (signal?.aborted) {
        const error = new Error("The read was cancelled.");
        error.name = "AbortError";
        throw error;
      }
      const rows = Math.min(this.blockRows, total - done);
      this.blockReads.push({ address, rows });
      done += rows;
      syncs += 1;
      onProgress?.({ rowsRead: done, totalRows: total, syncs });
      await Promise.resolve();
    }
    return source;
  }

  async readOwnedTable(job: OutputJob): Promise<SourceRange | null> {
    this.takeFailure();
    this.ownedReads.push(job);
    return this.owned.get(job) ?? null;
  }

  /** The workbook's other sheets by name (besides the selection's), for listSheets/readSheet. */
  sheets = new Map<string, Grid>();
  sheetLists = 0;
  sheetReads: string[] = [];

  async listSheets(): Promise<string[]> {
    this.takeFailure();
    this.sheetLists += 1;
    // As in Excel: the sheets the add-in owns are outputs, never offered.
    const owned = new Set([...this.owned.values()].map((source) => source.grid.sheet));
    const names = [this.selection.grid.sheet, ...this.sheets.keys()];
    return [...new Set(names)].filter((name) => !owned.has(name));
  }

  async readSheet(name: string): Promise<SourceRange> {
    this.takeFailure();
    this.sheetReads.push(name);
    const grid = this.sheets.get(name);
    if (!grid) throw new Error(`no sheet ${name}`);
    const rows = Math.max(1, grid.values.length);
    const cols = Math.max(1, ...grid.values.map((row) => row.length));
    const end = `${String.fromCharCode(64 + cols)}${rows}`;
    return { grid, address: `'${name}'!A1:${end}` };
  }

  async writeOutput(job: OutputJob, model: SheetModel): Promise<WrittenOutput> {
    this.takeFailure();
    this.writes.push({ job, model });
    const values = model.cells.map((row) => row.map((cell) => cellValueOf(cell)));
    this.owned.set(job, {
      grid: { sheet: model.name, top: 0, left: 0, values },
      address: `'${model.name}'!A1`,
    });
    return { sheetName: "Fördelning (2)", tableAddress: "'Fördelning (2)'!A3:D15", syncs: 2 };
  }

  async rewriteOwned(
    job: OutputJob,
    rebuild: (previous: CellValue[][] | null) => SheetModel
  ): Promise<WrittenOutput> {
    this.takeFailure();
    const previous = this.owned.get(job)?.grid.values ?? null;
    return this.writeOutput(job, rebuild(previous && previous.map((row) => [...row])));
  }

  async select(reference: string): Promise<void> {
    this.selects.push(reference);
  }

  loadSettings<T>(key: string): T | null {
    return (this.settings.get(key) as T | undefined) ?? null;
  }

  async saveSettings<T>(key: string, value: T): Promise<void> {
    // Stored as JSON, as Office document settings are, so nothing is shared by reference.
    this.settings.set(key, JSON.parse(JSON.stringify(value)));
  }

  displayLanguage(): string {
    return this.language;
  }
}

/** What a written cell shows: its value (a formula's value as the model gives it). */
function cellValueOf(cell: SheetModel["cells"][number][number]): string | number | null {
  return cell.value;
}

/** The Stockholm proposal's table as a user has it on Blad1!A1:D12 (key = the proposed amounts). */
export const STOCKHOLM: [string, number][] = STOCKHOLM_2024.map((d) => [d.name, d.amount]);

export function stockholmGrid(
  keyHeader = "Förslag på fördelning",
  keys: (string | number)[] = STOCKHOLM.map(([, k]) => k)
): Grid {
  return {
    sheet: "Blad1",
    top: 0,
    left: 0,
    values: [
      ["Stadsdelsförvaltning", "Beställarenhet", "Förebyggande enhet", keyHeader],
      ...STOCKHOLM.map(([name], i): (string | number)[] => [
        name,
        name === "Norra innerstaden" ? "-" : "X",
        "X",
        keys[i],
      ]),
    ],
  };
}
