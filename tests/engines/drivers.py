"""One small driver interface with three backends, so that each flow is written once.

- Chromium: Debian's chromium through Playwright (as tests/browser does).
- Firefox: Debian's firefox-esr through WebDriver BiDi, by puppeteer-core in a Node bridge
  (firefox_bridge.mjs) that takes one JSON command a line on stdin and answers on stdout.
- WebKit: Debian's WebKitGTK MiniBrowser through WebKitWebDriver and Python selenium, on an
  Xvfb display that the session starts.

Every backend collects script errors: the capture script (capture.js) records window errors,
unhandled rejections and console.error calls in window.__smErrors. Playwright and the bridge
install it before any page script runs and also listen to the browser's own error events;
WebKitWebDriver can do neither, so the test server writes it into each page's <head> over http
and the WebKit runs from file:// open a copy of the site with it written in (see conftest.py),
and it is read back, and installed if missing, right after every load.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
CAPTURE = (HERE / "capture.js").read_text()
BLANK = "__engines_blank.html"  # an empty page of the site's own origin, to clear storage on
WIDTH, HEIGHT = 1280, 800
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
# Drain the page's own record of errors (the capture script's), leaving it empty.
READ_ERRORS = "(window.__smErrors ? window.__smErrors.splice(0) : [])"


class EngineError(RuntimeError):
    """The browser or its driver refused a command."""


class Engine:
    """The interface every flow uses. Subclasses implement the primitive commands."""

    name = "engine"

    def __init__(self) -> None:
        self.errors: list[str] = []

    # --- primitives (one browser command each) --------------------------------------------
    def fresh(self, root: str) -> None:
        """Forget everything a previous test stored; the next goto starts clean."""
        raise NotImplementedError

    def _goto(self, url: str) -> None:
        raise NotImplementedError

    def _reload(self) -> None:
        raise NotImplementedError

    def _back(self) -> None:
        raise NotImplementedError

    def click(self, selector: str) -> None:
        raise NotImplementedError

    def tap(self, selector: str) -> None:
        """A touch on the element's centre (a finger, not a mouse)."""
        raise NotImplementedError

    def focus(self, selector: str) -> None:
        raise NotImplementedError

    def press(self, key: str) -> None:
        """One key, named as in Playwright: Tab, Enter, Escape, Space, ArrowDown, Shift+Tab."""
        raise NotImplementedError

    def type(self, text: str) -> None:
        raise NotImplementedError

    def evaluate(self, expression: str) -> object:
        """The value of a JavaScript expression in the page (JSON-like values only)."""
        raise NotImplementedError

    def upload(self, selector: str, path: Path) -> None:
        """Give a file to an <input type=file>, as choosing it in the file dialog would."""
        raise NotImplementedError

    def download(self, action: Callable[[], None], timeout: float = 15) -> tuple[str, bytes]:
        """Run action, which makes the page download one file; that file's name and bytes."""
        raise NotImplementedError

    def _native_errors(self) -> list[str]:
        """Errors the driver itself saw (console and page errors), where it can see them."""
        return []

    def close(self) -> None:
        pass

    # --- built on the primitives, the same in every engine ---------------------------------
    def goto(self, url: str) -> None:
        self.collect_errors()
        self._goto(url)
        self._after_load()

    def reload(self) -> None:
        self.collect_errors()
        self._reload()
        self._after_load()

    def back(self) -> None:
        """History back; waits for the page before to be shown (from bfcache or loaded)."""
        self.collect_errors()
        left = self.url()
        self._back()
        self.wait_for(f"location.href !== {json.dumps(left)} && document.readyState === 'complete'",
                      message="Back to show the page before")
        self._after_load()

    def _after_load(self) -> None:
        # Where the capture script could not be installed first, install it now (read back).
        if self.url().startswith(("http", "file")) and not self.evaluate("!!window.__smErrors"):
            self.evaluate(f"(function(){{ {CAPTURE} }})(), true")
        self.collect_errors()

    def url(self) -> str:
        return str(self.evaluate("location.href"))

    def collect_errors(self) -> list[str]:
        """Move every error seen so far into self.errors; return all of them."""
        try:
            page = self.evaluate(READ_ERRORS) if self.url().startswith(("http", "file")) else []
        except EngineError:
            page = []
        self.errors += [f"{error}" for error in page or []] + self._native_errors()
        return self.errors

    def wait_for(self, expression: str, timeout: float = 10, message: str = "") -> object:
        """Poll a JavaScript expression until it is truthy (elements are truthy too)."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                value = self.evaluate(f"!!({expression})")
            except EngineError as error:  # a navigation under way: ask the next page
                value = f"<{error}>"
                if time.monotonic() > deadline:
                    raise
            else:
                if value:
                    return value
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.name}: timed out after {timeout}s waiting for "
                                     f"{message or expression} (last value {value!r})")
            time.sleep(0.1)

    def text(self, selector: str) -> str:
        """The element's text as shown (innerText, spaces collapsed); '' when it is missing."""
        return str(self.evaluate(
            f"(function(n){{ return n ? n.innerText.replace(/\\s+/g, ' ').trim() : ''; }})"
            f"(document.querySelector({json.dumps(selector)}))"))

    def texts(self, selector: str) -> list[str]:
        return list(self.evaluate(
            f"Array.from(document.querySelectorAll({json.dumps(selector)}), "
            "n => n.innerText.replace(/\\s+/g, ' ').trim())"))  # type: ignore[arg-type]

    def wait_text(self, selector: str, wanted: str, timeout: float = 10, exact: bool = False) -> str:
        """Wait until the element's text contains (or, exact, equals) wanted."""
        check = "===" if exact else "includes"
        sel, want = json.dumps(selector), json.dumps(" ".join(wanted.split()))
        test = (f"t === {want}" if check == "===" else f"t.includes({want})")
        self.wait_for(
            f"(function(n){{ if (!n) return false; var t = n.innerText.replace(/\\s+/g, ' ').trim();"
            f" return {test}; }})(document.querySelector({sel}))",
            timeout, f"{selector} to {'read' if exact else 'contain'} {wanted!r} "
                     f"(it reads {self.text(selector)!r})")
        return self.text(selector)

    def count(self, selector: str) -> int:
        return int(self.evaluate(f"document.querySelectorAll({json.dumps(selector)}).length"))  # type: ignore[arg-type]

    def attribute(self, selector: str, name: str) -> str | None:
        value = self.evaluate(
            f"(function(n){{ return n ? n.getAttribute({json.dumps(name)}) : null; }})"
            f"(document.querySelector({json.dumps(selector)}))")
        return None if value is None else str(value)

    def is_checked(self, selector: str) -> bool:
        return bool(self.evaluate(f"!!document.querySelector({json.dumps(selector)}).checked"))

    def active_matches(self, selector: str) -> bool:
        return bool(self.evaluate(
            f"!!(document.activeElement && document.activeElement.matches({json.dumps(selector)}))"))


# --- Chromium: Playwright ------------------------------------------------------------------
class ChromiumEngine(Engine):
    name = "chromium"

    def __init__(self, executable: str) -> None:
        super().__init__()
        from helpers import playwright

        self._browser = playwright().chromium.launch(executable_path=executable,
                                                         args=CHROMIUM_ARGS)
        self._context = None
        self.page = None
        self._native: list[str] = []

    def fresh(self, root: str) -> None:
        if self._context is not None:
            self._context.close()
        self.errors, self._native = [], []
        self._context = self._browser.new_context(
            viewport={"width": WIDTH, "height": HEIGHT}, has_touch=True, accept_downloads=True)
        self._context.add_init_script(CAPTURE)
        self.page = self._context.new_page()
        self.page.on("pageerror", lambda error: self._native.append(f"pageerror: {error}"))
        self.page.on("console", lambda message: message.type == "error" and self._native.append(
            f"console error: {message.text}"))

    def _goto(self, url: str) -> None:
        self.page.goto(url, wait_until="load")

    def _reload(self) -> None:
        self.page.reload(wait_until="load")

    def _back(self) -> None:
        self.page.go_back(wait_until="load")

    def click(self, selector: str) -> None:
        self.page.locator(selector).first.click()

    def tap(self, selector: str) -> None:
        self.page.locator(selector).first.tap()

    def focus(self, selector: str) -> None:
        self.page.locator(selector).first.focus()

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)

    def evaluate(self, expression: str) -> object:
        try:
            return self.page.evaluate(f"() => ({expression})")
        except Exception as error:  # noqa: BLE001 - the page went away, or the script threw
            raise EngineError(f"chromium: {error}") from error

    def upload(self, selector: str, path: Path) -> None:
        self.page.locator(selector).first.set_input_files(str(path))

    def download(self, action: Callable[[], None], timeout: float = 15) -> tuple[str, bytes]:
        with self.page.expect_download(timeout=timeout * 1000) as info:
            action()
        return info.value.suggested_filename, Path(info.value.path()).read_bytes()

    def _native_errors(self) -> list[str]:
        seen, self._native = self._native, []
        return seen

    def close(self) -> None:
        if self._context is not None:
            self._context.close()
        self._browser.close()


# --- Firefox: puppeteer-core over WebDriver BiDi, in a Node bridge --------------------------
class FirefoxEngine(Engine):
    name = "firefox"

    def __init__(self, executable: str, downloads: Path, node: str = "node") -> None:
        super().__init__()
        self.downloads = downloads
        downloads.mkdir(parents=True, exist_ok=True)
        self._process = subprocess.Popen(
            [node, str(HERE / "firefox_bridge.mjs"), executable, str(downloads), str(HERE / "capture.js")],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            cwd=HERE.parent.parent)
        self._answers: queue.Queue[str] = queue.Queue()
        self._stderr: list[str] = []
        threading.Thread(target=self._read, args=(self._process.stdout, self._answers.put),
                         daemon=True).start()
        threading.Thread(target=self._read, args=(self._process.stderr, self._stderr.append),
                         daemon=True).start()
        self._id = 0
        self.version = self._send("launch", timeout=120)

    @staticmethod
    def _read(stream, put) -> None:  # noqa: ANN001
        for line in stream:
            put(line)

    def _send(self, cmd: str, timeout: float = 60, **args: object) -> object:
        self._id += 1
        self._process.stdin.write(json.dumps({"id": self._id, "cmd": cmd, "args": args}) + "\n")
        self._process.stdin.flush()
        while True:
            try:
                line = self._answers.get(timeout=timeout)
            except queue.Empty:
                raise EngineError(f"firefox: no answer to {cmd} within {timeout}s; "
                                  f"bridge said: {''.join(self._stderr)[-2000:]}") from None
            try:
                answer = json.loads(line)
            except json.JSONDecodeError:
                continue  # something else printed a line
            if answer.get("id") == self._id:
                break
        if not answer["ok"]:
            raise EngineError(f"firefox: {cmd} {args}: {answer['error']}")
        return answer["value"]

    def fresh(self, root: str) -> None:
        self.errors = []
        self._send("fresh", width=WIDTH, height=HEIGHT)

    def _goto(self, url: str) -> None:
        self._send("goto", url=url)

    def _reload(self) -> None:
        self._send("reload")

    def _back(self) -> None:
        # puppeteer's goBack waits for a load event that a page shown from bfcache never fires.
        self._send("evaluate", script="(history.back(), true)")

    def click(self, selector: str) -> None:
        self._send("click", selector=selector)

    def tap(self, selector: str) -> None:
        self._send("tap", selector=selector)

    def focus(self, selector: str) -> None:
        self._send("focus", selector=selector)

    def press(self, key: str) -> None:
        self._send("press", key=key)

    def type(self, text: str) -> None:
        self._send("type", text=text)

    def evaluate(self, expression: str) -> object:
        return self._send("evaluate", script=f"({expression})")

    def upload(self, selector: str, path: Path) -> None:
        self._send("upload", selector=selector, path=str(path))

    def download(self, action: Callable[[], None], timeout: float = 15) -> tuple[str, bytes]:
        return _download_into(self.downloads, action, timeout, self.name)

    def _native_errors(self) -> list[str]:
        return list(self._send("errors") or [])  # type: ignore[arg-type]

    def close(self) -> None:
        try:
            self._send("quit", timeout=30)
        except (EngineError, BrokenPipeError, OSError):
            pass
        try:
            self._process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()


def _download_into(folder: Path, action: Callable[[], None], timeout: float,
                   engine: str) -> tuple[str, bytes]:
    """Empty the download folder's files, run action, wait for one finished file there."""
    for old in folder.iterdir():
        if old.is_file():
            old.unlink()
    action()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = [path for path in folder.iterdir() if path.is_file() and path.stat().st_size
                and not path.name.endswith((".part", ".download", ".wkdownload"))
                and not path.name.startswith(".")]
        partial = [path for path in folder.iterdir() if path.name.endswith((".part", ".download"))]
        if done and not partial:
            time.sleep(0.2)  # let the browser finish renaming and closing the file
            [file] = done
            return file.name, file.read_bytes()
        time.sleep(0.1)
    raise AssertionError(f"{engine}: no download arrived in {folder} within {timeout}s "
                         f"(found {sorted(p.name for p in folder.iterdir())})")


# --- WebKit: WebKitWebDriver + selenium, on Xvfb ---------------------------------------------
class Display:
    """An Xvfb display of our own; the first free number, chosen by Xvfb (-displayfd)."""

    def __init__(self, xvfb: str = "Xvfb") -> None:
        read, write = os.pipe()
        self._process = subprocess.Popen(
            [xvfb, "-displayfd", str(write), "-nolisten", "tcp", "-screen", "0", "1400x1000x24"],
            pass_fds=[write], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            self._process.kill()
            raise EngineError("Xvfb did not start")
        self.name = f":{number}"

    def close(self) -> None:
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()


class WebKitEngine(Engine):
    name = "webkit"

    KEYS = {"Tab": "\ue004", "Enter": "\ue007", "Escape": "\ue00c", "Space": " ",
            "ArrowDown": "\ue015", "ArrowUp": "\ue013", "ArrowLeft": "\ue012",
            "ArrowRight": "\ue014", "Shift": "\ue008"}

    def __init__(self, driver: str, browser: str, home: Path) -> None:
        super().__init__()
        from selenium import webdriver
        from selenium.webdriver.webkitgtk.options import Options
        from selenium.webdriver.webkitgtk.service import Service

        self.display = Display()
        # MiniBrowser saves downloads in $HOME: give it one of its own, empty.
        self.downloads = home
        home.mkdir(parents=True, exist_ok=True)
        options = Options()
        options.binary_location = browser
        options.add_argument("--automation")  # without it: "Failed to match capabilities"
        env = {**os.environ, "DISPLAY": self.display.name, "HOME": str(home),
               "XDG_CACHE_HOME": str(home / ".cache"), "XDG_CONFIG_HOME": str(home / ".config"),
               "XDG_DATA_HOME": str(home / ".local")}
        service = Service(executable_path=driver, env=env)
        try:
            self.driver = webdriver.WebKitGTK(options=options, service=service)
        except Exception:
            self.display.close()
            raise
        self.driver.set_window_size(WIDTH, HEIGHT)
        self.driver.set_script_timeout(30)

    def fresh(self, root: str) -> None:
        self.errors = []
        # One browser for the whole session: clear what this origin stored instead.
        self.driver.get(root + BLANK)
        self.driver.execute_script("localStorage.clear(); sessionStorage.clear();")
        self.driver.delete_all_cookies()

    def _find(self, selector: str):  # noqa: ANN202
        from selenium.webdriver.common.by import By

        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def _goto(self, url: str) -> None:
        self.driver.get(url)

    def _reload(self) -> None:
        self.driver.refresh()

    def _back(self) -> None:
        self.driver.back()

    def click(self, selector: str) -> None:
        element = self._find(selector)
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        element.click()

    def tap(self, selector: str) -> None:
        from selenium.webdriver.common.actions import interaction
        from selenium.webdriver.common.actions.action_builder import ActionBuilder
        from selenium.webdriver.common.actions.pointer_input import PointerInput

        element = self._find(selector)
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        actions = ActionBuilder(self.driver, mouse=PointerInput(interaction.POINTER_TOUCH, "finger"))
        actions.pointer_action.move_to(element).pointer_down().pointer_up()
        actions.perform()

    def focus(self, selector: str) -> None:
        self.driver.execute_script("arguments[0].focus()", self._find(selector))

    def press(self, key: str) -> None:
        from selenium.webdriver.common.action_chains import ActionChains

        chain = ActionChains(self.driver)
        *modifiers, last = key.split("+") if len(key) > 1 else [key]
        for modifier in modifiers:
            chain.key_down(self.KEYS[modifier])
        chain.send_keys(self.KEYS.get(last, last))
        for modifier in reversed(modifiers):
            chain.key_up(self.KEYS[modifier])
        chain.perform()

    def type(self, text: str) -> None:
        from selenium.webdriver.common.action_chains import ActionChains

        ActionChains(self.driver).send_keys(text).perform()

    def evaluate(self, expression: str) -> object:
        from selenium.common.exceptions import WebDriverException

        try:
            return self.driver.execute_script(f"return ({expression});")
        except WebDriverException as error:
            raise EngineError(f"webkit: {error.msg}") from error

    def upload(self, selector: str, path: Path) -> None:
        self._find(selector).send_keys(str(path))

    def download(self, action: Callable[[], None], timeout: float = 15) -> tuple[str, bytes]:
        return _download_into(self.downloads, action, timeout, self.name)

    def close(self) -> None:
        try:
            self.driver.quit()
        finally:
            self.display.close()


def find(name: str, *candidates: str) -> str | None:
    """The first of the commands or paths given that exists on this machine."""
    for candidate in (name, *candidates):
        found = shutil.which(candidate) or (candidate if os.path.exists(candidate) else None)
        if found:
            return found
    return None
