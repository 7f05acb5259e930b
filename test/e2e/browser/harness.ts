/**
 * The harness every browser test of the pane shares: the production bundle built once per
 * test run and served from 127.0.0.1, Debian's Chromium, and Office.js replaced by an in-page
 * double of Excel (office-double.js) that counts syncs and bytes. `usePane()` registers the
 * setup and teardown in the calling test file.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "fs";
import type { Server } from "http";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { type BrowserContext, type Page, chromium } from "playwright-core";
import { STOCKHOLM_2024, STOCKHOLM_POT } from "../../fixtures/stockholm-2024";
import {
  CHROMIUM,
  CHROMIUM_FLAGS,
  DOUBLE_SOURCE,
  OFFICE_JS,
  originOf,
  serveStatic,
} from "./pane-server";

export const ROOT = resolve(__dirname, "../../..");
export const ARTIFACTS = join(ROOT, "test-artifacts");
export { OFFICE_JS };
export const NBSP = "\u00a0";

export const STOCKHOLM: [string, number][] = STOCKHOLM_2024.map((d) => [d.name, d.amount]);
export const POT = STOCKHOLM_POT;

/** Blad1: the table as in the Stockholm paper (interest marks, key = the proposed amounts). */
export function stockholmSheet(): (string | number)[][] {
  return [
    ["Stadsdelsförvaltning", "Beställarenhet", "Förebyggande enhet", "Förslag på fördelning"],
    ...STOCKHOLM.map(([name, key]): (string | number)[] => [
      name,
      name === "Norra innerstaden" ? "-" : "X",
      "X",
      key,
    ]),
  ];
}

/** A sheet the user made and named "Fördelning" before the add-in ever ran. */
export const USERS_OWN_SHEET = [
  ["Min egen anteckning"],
  ["Bromma", 100],
  ["=Inte en formel", "'0180"],
];

export interface DoubleConfig {
  displayLanguage: string;
  officeTheme?: { bodyBackgroundColor: string; bodyForegroundColor: string; isDarkTheme: boolean };
  sheets: { name: string; cells: (string | number | null)[][] }[];
  activeSheet: string;
  selection: string;
  /** Milliseconds each sync takes in the double (default 1). */
  syncDelayMs?: number;
  /** Highest ExcelApi version the double claims (default 1.9). */
  excelApi?: string;
  /** Highest ExcelApiDesktop version the double claims (default: none). */
  excelApiDesktop?: string;
  tables?: { name: string; sheet: string; address: string; showTotals?: boolean }[];
  /** Workbook-level defined names marking A1 of a sheet, e.g. an owner mark left by an earlier run. */
  names?: { name: string; sheet: string; address?: string }[];
}

export interface RunRecord {
  syncs: number;
  requestBytes: number[];
  responseBytes: number[];
  /** The batch has returned (or failed). */
  done: boolean;
}

/** What office-double.js exposes to the test. */
export interface OfficeDouble {
  runs: RunRecord[];
  sheetNames(): string[];
  snapshot(name: string): string | null;
  read(name: string): {
    values: (string | number | boolean)[][];
    formulas: (string | number | boolean)[][];
  };
  selection(): string;
  activeSheet(): string;
  select(address: string): void;
  setCell(sheet: string, address: string, value: string | number): void;
  names(): { name: string; sheet: string | null }[];
  /** The user renames or deletes a sheet (names and tables follow it, as in Excel). */
  renameSheet(from: string, to: string): void;
  deleteSheet(name: string): void;
  settings(): Record<string, unknown>;
}

declare global {
  interface Window {
    __officeDouble: OfficeDouble;
  }
}

export function kronor(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

let buildDir = "";
let userDataDir = "";
let server: Server;
export let origin = "";
let context: BrowserContext;

/**
 * The production bundle, built once per test process (jest runs the browser files in band)
 * into a folder named by the process id, so each browser test file does not build again.
 */
function paneBuild(): string {
  const dir = join(tmpdir(), `statsbidrag-pane-${process.pid}`);
  if (existsSync(join(dir, "taskpane.html"))) return dir;
  mkdirSync(dir, { recursive: true });
  execFileSync(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", dir],
    { cwd: ROOT, stdio: "pipe", timeout: 240_000 }
  );
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Builds (once), serves and opens Chromium for the calling test file. */
export function usePane(): void {
  // A browser step can take seconds on a loaded 2-core machine.
  jest.setTimeout(30_000);
  beforeAll(async () => {
    buildDir = paneBuild();
    server = await serveStatic(buildDir);
    origin = originOf(server);
    userDataDir = mkdtempSync(join(tmpdir(), "statsbidrag-chromium-"));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 350, height: 900 },
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });
}

export interface OpenPane {
  page: Page;
  /** Every URL the page asked for, the intercepted Office.js included. */
  requests: string[];
  /** Console errors and page errors (a CSP violation shows up here). */
  errors: string[];
}

export async function openPane(
  config: Partial<DoubleConfig> = {},
  waitUntilReady = true
): Promise<OpenPane> {
  const full: DoubleConfig = {
    displayLanguage: "sv-SE",
    sheets: [
      { name: "Blad1", cells: stockholmSheet() },
      { name: "Fördelning", cells: USERS_OWN_SHEET },
    ],
    activeSheet: "Blad1",
    selection: "A1:D12",
    ...config,
  };
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.route(OFFICE_JS, (route) =>
    route.fulfill({
      status: 200,
      contentType: "text/javascript; charset=utf-8",
      body: `window.__officeDoubleConfig = ${JSON.stringify(full)};\n${DOUBLE_SOURCE}`,
    })
  );
  await page.goto(`${origin}/taskpane.html`);
  if (!waitUntilReady) return { page, requests, errors };
  await page.locator("#use-selection").waitFor();
  // start() has listed the tables once Office is ready and the pane is not busy.
  await page.waitForFunction(
    () =>
      window.__officeDouble?.runs.length > 0 &&
      document.querySelector("#panel-allocate")?.getAttribute("aria-busy") === "false"
  );
  return { page, requests, errors };
}

/** Runs `action` and returns the Excel.run records it caused (once `panel` is no longer busy). */
export async function runsDuring(
  page: Page,
  action: () => Promise<void>,
  panel = "#panel-allocate",
  /** False for an action that must not reach Excel (nothing to wait for). */
  expectRuns = true
): Promise<RunRecord[]> {
  const before = await page.evaluate(() => window.__officeDouble.runs.length);
  await action();
  // Not busy, and the action's Excel.run calls started and finished: selecting a cell runs
  // without the busy flag, so the flag alone can read false before its run has begun.
  await page.waitForFunction(
    ([selector, from, runsExpected]) =>
      document.querySelector(selector as string)?.getAttribute("aria-busy") === "false" &&
      (!runsExpected || window.__officeDouble.runs.length > (from as number)) &&
      window.__officeDouble.runs.every((run) => run.done),
    [panel, before, expectRuns] as const
  );
  return page.evaluate((from) => window.__officeDouble.runs.slice(from), before);
}

export function expectOnlyLocalRequests(requests: string[]): void {
  const left = requests.filter((url) => !url.startsWith(`${origin}/`) && url !== OFFICE_JS);
  expect(left).toEqual([]);
  expect(requests).toContain(OFFICE_JS);
}

export const status = (page: Page) => page.locator("#status").innerText();
export const snapshot = (page: Page, sheet: string) =>
  page.evaluate((name) => window.__officeDouble.snapshot(name), sheet);

const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * axe-core's WCAG 2.1 A/AA and best-practice violations inside `selector`, each as
 * "rule: help (targets)". Injected through the devtools protocol, so the pane's CSP stays on.
 */
export async function axeViolations(page: Page, selector = "body"): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async (context) => {
    interface Violation {
      id: string;
      help: string;
      nodes: { target: string[] }[];
    }
    const axe = (
      window as unknown as {
        axe: { run: (c: string, o: object) => Promise<{ violations: Violation[] }> };
      }
    ).axe;
    const result = await axe.run(context, {
      runOnly: {
        type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
      },
    });
    return result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`
    );
  }, selector);
  return found;
}

/**
 * Waits until `sheet` exists and `panel` is no longer busy: a write is the table and then its
 * Körlogg row, and the status says what was written only once both are done.
 */
export async function writeDone(
  page: Page,
  sheet: string,
  panel = "#panel-allocate"
): Promise<void> {
  await page.waitForFunction(
    ([name, selector]) =>
      window.__officeDouble.sheetNames().includes(name) &&
      document.querySelector(selector)?.getAttribute("aria-busy") === "false",
    [sheet, panel] as const
  );
}
