// Drives Debian's firefox-esr over WebDriver BiDi with puppeteer-core, for tests/engines.
// One JSON command a line on stdin, one JSON answer a line on stdout:
//   {"id": 1, "cmd": "goto", "args": {"url": "..."}}  ->  {"id": 1, "ok": true, "value": ...}
// A failed command answers {"id": 1, "ok": false, "error": "..."}; the bridge goes on.
// Usage: node firefox_bridge.mjs <firefox binary> <download folder> <capture script>
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import puppeteer from "puppeteer-core";

const [binary, downloads, captureFile] = process.argv.slice(2);
const capture = readFileSync(captureFile, "utf8");

let browser = null;
let context = null;
let page = null;
let errors = [];

function watch(target) {
  target.on("pageerror", (error) => errors.push(`pageerror: ${error.message || error}`));
  target.on("console", (message) => {
    if (message.type() === "error") errors.push(`console error: ${message.text()}`);
  });
}

async function element(selector) {
  const found = await page.$(selector);
  if (!found) throw new Error(`no element matches ${selector}`);
  return found;
}

const commands = {
  async launch() {
    browser = await puppeteer.launch({
      browser: "firefox",
      executablePath: binary,
      protocol: "webDriverBiDi",
      headless: true,
      extraPrefsFirefox: {
        "browser.download.folderList": 2,
        "browser.download.dir": downloads,
        "browser.download.useDownloadDir": true,
        "browser.download.always_ask_before_handling_new_types": false,
        "browser.download.start_downloads_in_tmp_dir": false,
        "browser.helperApps.neverAsk.saveToDisk": "application/json,text/calendar,application/octet-stream",
        "browser.download.panel.shown": true,
      },
    });
    return browser.version ? await browser.version() : "firefox";
  },
  async fresh({ width, height }) {
    if (context) await context.close();
    context = await browser.createBrowserContext();
    page = await context.newPage();
    errors = [];
    watch(page);
    await page.setViewport({ width, height });
    await page.evaluateOnNewDocument(capture);
  },
  async goto({ url }) {
    await page.goto(url, { waitUntil: "load" });
  },
  async reload() {
    await page.reload({ waitUntil: "load" });
  },
  async click({ selector }) {
    await (await element(selector)).click();
  },
  async tap({ selector }) {
    await (await element(selector)).tap();
  },
  async focus({ selector }) {
    await (await element(selector)).focus();
  },
  async press({ key }) {
    // "Shift+Tab": hold the modifiers, press the last key, let go.
    const parts = key.length > 1 ? key.split("+") : [key];
    const last = parts.pop();
    for (const modifier of parts) await page.keyboard.down(modifier);
    await page.keyboard.press(last);
    for (const modifier of parts.reverse()) await page.keyboard.up(modifier);
  },
  async type({ text }) {
    await page.keyboard.type(text);
  },
  async evaluate({ script }) {
    return await page.evaluate(script);
  },
  async upload({ selector, path }) {
    await (await element(selector)).uploadFile(path);
  },
  async errors() {
    const seen = errors;
    errors = [];
    return seen;
  },
  async quit() {
    if (browser) await browser.close();
    browser = null;
    return "closed";
  },
};

const lines = createInterface({ input: process.stdin });
let queue = Promise.resolve();
lines.on("line", (line) => {
  queue = queue.then(async () => {
    const { id, cmd, args } = JSON.parse(line);
    let answer;
    try {
      if (!commands[cmd]) throw new Error(`unknown command ${cmd}`);
      const value = await commands[cmd](args || {});
      answer = { id, ok: true, value: value === undefined ? null : value };
    } catch (error) {
      answer = { id, ok: false, error: String((error && error.stack) || error) };
    }
    process.stdout.write(JSON.stringify(answer) + "\n");
    if (cmd === "quit") process.exit(0);
  });
});
lines.on("close", () => {
  queue.then(async () => {
    if (browser) await browser.close();
    process.exit(0);
  });
});
