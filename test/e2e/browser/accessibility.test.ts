/**
 * axe-core (WCAG 2.1 AA rules) on every state of the Fördela step a user meets: empty,
 * preview, errors, written, English and Office's dark theme. Zero violations in each.
 */
import type { Page } from "playwright-core";
import { POT, axeViolations, openPane, usePane, writeDone } from "./harness";

usePane();
// axe walks the whole pane (three panels) several times per test.
jest.setTimeout(60_000);

const violations = (page: Page) => axeViolations(page);

async function readAndFill(page: Page, pot: string): Promise<void> {
  await page.locator("#use-selection").click();
  await page.waitForFunction(() => document.querySelector("#status")?.textContent?.includes("1"));
  await page.locator("#key-column").selectOption("3");
  await page.locator("#pot").fill(pot);
  await page.locator("#pot").blur();
}

describe("accessibility (axe-core) of the Fördela step", () => {
  test("empty, preview, errors and written: no violations", async () => {
    const { page } = await openPane();
    expect(await violations(page)).toEqual([]);

    await readAndFill(page, POT.toString());
    await page.locator(".preview-table").waitFor();
    expect(await violations(page)).toEqual([]);

    await page.locator("#pot").fill("tolv");
    await page.locator("#pot").blur();
    await page.locator("#error-total").waitFor();
    expect(await violations(page)).toEqual([]);

    await page.locator("#pot").fill(POT.toString());
    await page.locator("#write").click();
    await writeDone(page, "Fördelning (2)");
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  test("English and dark theme: no violations", async () => {
    const { page } = await openPane({
      displayLanguage: "en-US",
      officeTheme: {
        bodyBackgroundColor: "#1f1f1f",
        bodyForegroundColor: "#f0f0f0",
        isDarkTheme: true,
      },
    });
    expect(await violations(page)).toEqual([]);
    await readAndFill(page, POT.toString());
    await page.locator(".preview-table").waitFor();
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  test("focus stays visible on an invalid field, and messages keep their marker", async () => {
    const { page } = await openPane();
    await readAndFill(page, "tolv");
    await page.locator("#error-total").waitFor();
    expect(await page.locator("#pot").getAttribute("aria-invalid")).toBe("true");
    await page.locator("#pot").focus();
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return [document.activeElement?.id, style.outlineStyle, style.outlineWidth];
    });
    expect(outline).toEqual(["pot", "solid", "2px"]);
    const marker = await page.evaluate(
      () =>
        getComputedStyle(document.querySelector("#error-total p") as Element, "::before").content
    );
    expect(marker).toContain("\u2715");
    await page.close();
  });

  test("in forced colours a disabled button is drawn in GrayText", async () => {
    const { page } = await openPane();
    await page.emulateMedia({ forcedColors: "active" });
    const [button, grayText] = await page.evaluate(() => {
      const probe = document.createElement("span");
      probe.style.color = "GrayText";
      document.body.append(probe);
      const gray = getComputedStyle(probe).color;
      probe.remove();
      return [getComputedStyle(document.querySelector("#select-copy") as Element).color, gray];
    });
    expect(await page.locator("#select-copy").getAttribute("aria-disabled")).toBe("true");
    expect(button).toBe(grayText);
    await page.close();
  });

  test("arrow keys move between the tabs and open their panels", async () => {
    const { page } = await openPane();
    await page.locator("#tab-allocate").focus();
    await page.keyboard.press("ArrowRight");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-requisitions");
    expect(await page.locator("#tab-requisitions").getAttribute("aria-selected")).toBe("true");
    expect(await page.locator("#panel-requisitions").getAttribute("hidden")).toBeNull();
    expect(await page.locator("#panel-allocate").isHidden()).toBe(true);
    await page.keyboard.press("End");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-report");
    await page.keyboard.press("Home");
    expect(await page.locator("#panel-allocate").isVisible()).toBe(true);
    await page.close();
  });
});
