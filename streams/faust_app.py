"""``faust -A bleedwatch.streams.faust_app:app worker`` compatibility.

The app is built on first access, not at import: importing this module does nothing.
"""

from __future__ import annotations

from typing import Any

_app: Any = None


def __getattr__(name: str) -> Any:
    global _app
    if name != "app":
        raise AttributeError(name)
    if _app is None:
        from .app import BleedwatchApp
        from .logs import configure_logging
        from .settings import load_settings

        settings = load_settings()
        configure_logging(settings.log_level, settings.log_format)
        _app = BleedwatchApp(settings).app
    return _app
