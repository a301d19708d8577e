"""The HTML report in a real browser: Debian's headless Chromium through Playwright (no browser
download). The page must be self-contained (every request that is not the file itself is blocked
and counted), free of console errors, show every request with its timeline at three widths without
horizontal overflow, and show the same with JavaScript turned off."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _cli_helpers import AS_OF, EXAMPLE, run

playwright = pytest.importorskip("playwright.sync_api")
BROWSER = shutil.which("chromium-headless-shell") or shutil.which("chromium")
pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="no Chromium installed (.ci/run installs it)"
)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    r = run("status", EXAMPLE, "--as-of", AS_OF, "--format", "html", "-o", str(path))
    assert r.exit_code == 0, r.output
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=BROWSER, args=["--no-sandbox"])
        yield b
        b.close()


def _open(browser: Any, report: Path, width: int, scripts: bool = True) -> tuple[Any, list[str]]:
    context = browser.new_context(
        viewport={"width": width, "height": 900}, java_script_enabled=scripts
    )
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))

    def only_the_file(route: Any) -> None:
        if route.request.url == report.as_uri():
            route.continue_()
        else:
            problems.append(f"blocked {route.request.url}")
            route.abort()

    page.route("**/*", only_the_file)
    page.goto(report.as_uri())
    return page, problems


@pytest.mark.parametrize("width", [1280, 768, 375])
def test_the_report_at_three_widths(browser: Any, report: Path, width: int) -> None:
    page, problems = _open(browser, report, width)
    assert page.locator("tbody tr").count() == 11
    assert page.locator("section.request").count() == 11
    assert page.locator("svg.timeline").count() == 11
    assert page.locator(".status.late").first.inner_text().startswith("appeal overdue") or (
        page.locator(".status.late").count() >= 3
    )
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{overflow}px of horizontal overflow at {width}px"
    assert problems == []
    if width == 1280:
        page.screenshot(path=str(report.with_suffix(".png")), full_page=False)
    page.context.close()


def test_the_report_without_javascript(browser: Any, report: Path) -> None:
    page, problems = _open(browser, report, 1280, scripts=False)
    assert page.locator("tbody tr").count() == 11
    assert page.locator("details summary").count() == 11
    page.locator("details summary").first.click()
    assert "How the date is counted" in page.locator("details pre").first.inner_text()
    assert problems == []
    page.context.close()


def test_untrusted_text_is_escaped(browser: Any, tmp_path: Path) -> None:
    source = tmp_path / "r.toml"
    source.write_text(
        '[[request]]\nid = "x"\nagency = "<script>alert(1)</script>"\n'
        'subject = "<img src=x onerror=alert(2)>"\nreceived = 2026-11-02\n',
        encoding="utf-8",
    )
    out = tmp_path / "r.html"
    assert (
        run(
            "status", str(source), *("--as-of", AS_OF, "--format", "html", "-o", str(out))
        ).exit_code
        == 0
    )
    page, problems = _open(browser, out, 1280)
    assert page.locator("script").count() == 0 and page.locator("img").count() == 0
    assert "<script>alert(1)</script>" in page.locator("tbody td").nth(1).inner_text()
    assert problems == []
    page.context.close()
