"""Draw the app icons (PNG) from the SVG: `python -m bench.icons` (`make icons`).

The web app manifest (generator/offline.py) names three PNGs in
theme_overrides/assets/small-moments/icons/: 192 and 512 px with rounded corners ("any"), and a
full-bleed 512 px one ("maskable": launchers crop it to their own shape). They are drawn from
icon.svg by Debian's chromium and committed, so a build needs no image library. Replace
icon.svg with the site's logo (keep its drawing inside the central 80%) and run this again."""

from __future__ import annotations

import base64
from pathlib import Path

from . import chromium

ICONS = Path(__file__).resolve().parent.parent / "theme_overrides" / "assets" / "small-moments" / "icons"
# (file, size in px, corner radius as a share of the size: 0 is full bleed)
DRAWN = (("icon-192.png", 192, 0.1875), ("icon-512.png", 512, 0.1875),
         ("icon-maskable-512.png", 512, 0.0))


def draw() -> list[Path]:
    source = base64.b64encode((ICONS / "icon.svg").read_bytes()).decode()
    written = []
    with chromium.browser() as browser:
        for name, size, radius in DRAWN:
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(
                "<style>html,body{margin:0;background:transparent}"
                f"img{{display:block;width:{size}px;height:{size}px;"
                f"border-radius:{radius * size}px}}</style>"
                f"<img alt='' src='data:image/svg+xml;base64,{source}'>")
            page.wait_for_function("document.images[0].complete")
            page.screenshot(path=str(ICONS / name), omit_background=True)
            page.close()
            written.append(ICONS / name)
    return written


if __name__ == "__main__":
    for path in draw():
        print(f"{path} ({path.stat().st_size:,} bytes)")
