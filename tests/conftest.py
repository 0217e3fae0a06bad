"""Puts tests/ on the import path, so every test can import helpers.py (and browser/checks.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
