"""What a person does on the class hub, as Playwright steps: log in, use JupyterLab and nbgrader's panels.

Selectors follow nbgrader's own JupyterLab UI tests (the Assignments panel's
`#released_assignments_list`, `.item_status button`, the
`.nbgrader-SuccessDialog` / `.nbgrader-ErrorDialog` of Validate).
"""
from __future__ import annotations

import time
from pathlib import Path

NOTEBOOK = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook"
MENU_BAR = "#jp-MainMenu"


def log_in(browser, hub_url: str, name: str, password: str):
    """A fresh browser context for `name`: log in on the hub's page, wait for their JupyterLab."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(120_000)
    page.goto(f"{hub_url}/hub/login")
    page.fill("#username_input", name)
    page.fill("#password_input", password)
    page.click("#login_submit")
    deadline = time.time() + 180
    while f"/user/{name}/lab" not in page.url:
        text = page.locator("body").inner_text(timeout=10_000) if page.locator("body").count() else ""
        if any(sign in text for sign in ("Spawn failed", "Internal Server Error", "Invalid username")):
            raise RuntimeError(f"{name} could not log in or start a server: {text[:2000]}")
        if time.time() > deadline:
            raise TimeoutError(f"{name}'s JupyterLab did not open: at {page.url}: {text[:2000]}")
        page.wait_for_timeout(1000)
    page.wait_for_selector("#jp-main-dock-panel", timeout=180_000)
    page.wait_for_selector(f"{MENU_BAR} .lm-MenuBar-item", timeout=120_000)
    return page


def menu_items(page, menu: str) -> list[str]:
    """The labels under a top-level menu of JupyterLab (the menu is closed again)."""
    page.locator(f"{MENU_BAR} .lm-MenuBar-itemLabel", has_text=menu).first.click()
    page.locator(".lm-Menu:not(.lm-mod-hidden)").first.wait_for(timeout=30_000)
    labels = page.locator(".lm-Menu:not(.lm-mod-hidden) .lm-Menu-itemLabel").all_inner_texts()
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    return [label.strip() for label in labels if label.strip()]


def side_panels(page) -> list[str]:
    """The names on the tabs of JupyterLab's left and right side bars."""
    return [t.strip() for t in page.locator(".jp-SideBar .lm-TabBar-tab").all_inner_texts()] + [
        (t or "").strip() for t in page.locator(".jp-SideBar .lm-TabBar-tab").evaluate_all(
            "tabs => tabs.map(t => t.getAttribute('title'))")]


def top_menus(page) -> list[str]:
    return [t.strip() for t in page.locator(f"{MENU_BAR} .lm-MenuBar-itemLabel").all_inner_texts()]


def open_menu_item(page, menu: str, item: str, attempts: int = 4) -> None:
    """Click `menu`, then `item` (a click right after closing a menu may only toggle it: retry)."""
    entry = page.locator(".lm-Menu:not(.lm-mod-hidden) .lm-Menu-item", has_text=item).first
    for attempt in range(attempts):
        page.locator(f"{MENU_BAR} .lm-MenuBar-itemLabel", has_text=menu).first.click()
        try:
            entry.wait_for(timeout=5000)
        except Exception:
            if attempt == attempts - 1:
                raise
            page.keyboard.press("Escape")
            page.wait_for_timeout(500)
            continue
        entry.click()
        return


def run_in_terminal(page, command: str, done: Path, timeout: float = 600) -> int:
    """Type `command` into a new JupyterLab terminal; wait until it wrote its exit status to `done`.

    `done` is a file in the user's home that the test (root) reads.
    """
    # From a new Launcher (the File menu's own "...Terminal" entries would close an open one).
    page.locator("#jp-main-dock-panel .lm-TabBar-addButton").first.click()
    page.locator(".jp-MainAreaWidget:not(.lm-mod-hidden) .jp-LauncherCard", has_text="Terminal").first.click()
    # The terminal of the current tab (an earlier terminal stays in its own, hidden tab).
    terminal = page.locator(".jp-MainAreaWidget:not(.lm-mod-hidden) .jp-Terminal .xterm").first
    terminal.wait_for()
    page.wait_for_timeout(1000)
    terminal.click()
    page.wait_for_timeout(1500)  # the shell prints its prompt
    page.keyboard.type(f"{command}; echo $? > {done}\n")
    deadline = time.time() + timeout
    while time.time() < deadline:
        if done.exists() and done.read_text().strip():
            return int(done.read_text())
        time.sleep(1)
    raise TimeoutError(f"`{command}` did not finish in {timeout} s")


def open_assignments(page):
    """The Assignments panel (nbgrader's assignment list), refreshed."""
    open_menu_item(page, "Nbgrader", "Assignment List")
    page.locator("#released_assignments_list").wait_for()
    refresh_lists(page)
    return page


def refresh_lists(page) -> None:
    """Click the panel's refresh and wait until the lists are the new ones.

    The panel re-renders its lists a moment after the click; until then the old
    rows are still there, and a row read or a button clicked then belongs to a
    list about to vanish (seen in CI: a Fetch Feedback click that did nothing).
    So the rows present before the click are marked, and the refresh counts as
    done once none of them is left and the loading notes are hidden.
    """
    page.evaluate("() => document.querySelectorAll('.list_item').forEach(e => e.dataset.stale = '1')")
    page.locator("#refresh_assignments_list").click()
    page.wait_for_function("() => !document.querySelector('.list_item[data-stale]')", timeout=120_000)
    for name in ("released", "fetched", "submitted"):
        page.wait_for_selector(f"#{name}_assignments_list_loading", state="hidden", timeout=120_000)


def wait_for_list(page, name: str, rows: int):
    """The list's rows once it has `rows` of them. A list request that failed or came back
    early on a busy machine shows too few rows: refresh the panel, as a person would."""
    page.wait_for_selector(f"#{name}_assignments_list_loading", state="hidden")
    locator = page.locator(f"#{name}_assignments_list > .list_item")
    deadline = time.time() + 240
    refresh_at, reload_at = time.time() + 20, time.time() + 80
    while (count := locator.count()) != rows and time.time() < deadline:
        page.wait_for_timeout(500)
        if locator.count() != rows and time.time() > reload_at:
            # Still short after several refreshes: reload the page and reopen the panel,
            # which asks for the course list again too.
            page.reload()
            page.wait_for_selector(MENU_BAR, timeout=120_000)
            open_assignments(page)
            reload_at = time.time() + 80
        elif locator.count() != rows and time.time() > refresh_at:
            refresh_lists(page)
            refresh_at = time.time() + 20
    assert count == rows, (f"{name} assignments: {locator.all_inner_texts()}; "
                           f"the server's lists: {server_lists(page)}")
    return locator


def server_lists(page) -> dict:
    """What nbgrader's assignment-list handler answers for each course (to tell an empty
    list from a failed one when the panel shows too few rows)."""
    base = page.url.split("/lab")[0]
    try:
        courses = page.request.get(f"{base}/courses").json()
        return {course: page.request.get(f"{base}/assignments", params={"course_id": course}).text()[:3000]
                for course in courses.get("value", [])}
    except Exception as err:  # the diagnosis must not hide the failure it explains
        return {"error": repr(err)}


def fetch_released(page, assignment: str) -> None:
    row = wait_for_list(page, "released", 1).filter(has_text=assignment).first
    row.locator(".item_status button", has_text="Fetch").click()
    wait_for_list(page, "fetched", 1)


def submit_fetched(page, assignment: str) -> None:
    row = wait_for_list(page, "fetched", 1).filter(has_text=assignment).first
    row.locator(".item_status button", has_text="Submit").click()
    wait_for_list(page, "submitted", 1)


def fetch_feedback(page, assignment: str, attempts: int = 3) -> None:
    """Click the submission's Fetch Feedback until its "view feedback" link shows.

    A click the panel loses (the list re-rendered under it: once seen in CI, no
    fetch request reached the server) is repeated after a fresh look at the
    list, as a person would click again.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    fetched = page.locator("#submitted_assignments_list", has_text="view feedback")
    refresh_lists(page)
    for attempt in range(attempts):
        row = wait_for_list(page, "submitted", 1).filter(has_text=assignment).first
        if fetched.count():
            return  # an earlier click's fetch finished late
        button = row.locator(".item_status button", has_text="Fetch Feedback")
        button.wait_for()
        button.click()
        try:
            fetched.wait_for(timeout=30_000)
            return
        except PlaywrightTimeout:
            if attempt == attempts - 1:
                raise


def open_notebook(page, user: str, path: str) -> None:
    page.goto(page.url.split("/lab")[0] + f"/lab/tree/{path}")
    page.wait_for_selector(NOTEBOOK, timeout=120_000)
    page.wait_for_function(
        "() => document.querySelector('#jp-main-statusbar').textContent.includes('Idle')",
        timeout=120_000)


def replace_cell(page, first_line: str, source: str) -> None:
    """Replace the source of the code cell that starts with `first_line`."""
    cell = page.locator(f"{NOTEBOOK} .jp-CodeCell").filter(
        has=page.locator(".cm-content", has_text=first_line)).first
    cell.scroll_into_view_if_needed()
    cell.locator(".cm-content").click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(source)
    page.keyboard.press("Escape")


def save(page) -> None:
    page.keyboard.press("Control+S")
    page.wait_for_timeout(500)


def validate(page) -> str:
    """Press the notebook's Validate button; the dialog's verdict ("success" or "error") and text."""
    page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Toolbar").get_by_text("Validate").click()
    dialog = page.locator(".nbgrader-SuccessDialog, .nbgrader-ErrorDialog").first
    dialog.wait_for(timeout=180_000)
    verdict = "success" if "nbgrader-SuccessDialog" in (dialog.get_attribute("class") or "") else "error"
    text = dialog.inner_text()
    dialog.locator("button.jp-Dialog-button").first.click()
    return f"{verdict}: {text}"
