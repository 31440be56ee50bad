// Drives the Amelie console in headless Chromium, for ConsoleIT:
//   node console-check.mjs URL NODES_BEFORE NODES_AFTER SCREENSHOT
// Prints "ready N" once the page shows NODES_BEFORE compute nodes; then waits (the test runs
// ALTER COMPUTE meanwhile) until it shows NODES_AFTER, takes the screenshot and prints "saw N".
import { chromium } from "playwright-core";

const [url, before, after, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
  await page.goto(url);
  const rows = () => page.locator("#nodes tr").count();
  await page.waitForFunction(n => document.querySelectorAll("#nodes tr").length === n, Number(before), { timeout: 20000 });
  console.log("ready " + await rows());
  await page.waitForFunction(n => document.querySelectorAll("#nodes tr").length === n, Number(after), { timeout: 30000 });
  // One more poll, so rates (tps, busy) have two samples to show.
  await page.waitForTimeout(2200);
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log("saw " + await rows() + " " + (await page.locator("#node-count").textContent()));
} finally {
  await browser.close();
}
