/** Types of pane-server.js, what the browser tests and the bench share to run the pane. */
import type { Server } from "http";

export const CHROMIUM: string;
export const CHROMIUM_FLAGS: string[];
/** The shared workbook model, then the in-page Office.js double over it. */
export const DOUBLE_SOURCE: string;
export const OFFICE_JS: string;
export function serveStatic(dir: string): Promise<Server>;
export function originOf(server: Server): string;
