"""The worker's web pages: /metrics, /healthz, /dashboard and /api/summary.

Faust serves them on the worker's web port. Faust turns a page function into a View method,
so each page is a plain function closing over what it shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from .dashboard import DashboardState, page
from .metrics import Metrics

Health = Callable[[], tuple[int, dict[str, Any]]]  # -> (HTTP status, body)


def add_pages(app: Any, metrics: Metrics, dashboard: DashboardState, health: Health) -> None:
    html = page()

    async def dashboard_page(view: Any, request: Any) -> Any:
        return view.html(html)

    async def summary(view: Any, request: Any) -> Any:
        return view.json(dashboard.summary())

    async def metrics_page(view: Any, request: Any) -> Any:
        # aiohttp wants the charset outside content_type
        return view.bytes(generate_latest(metrics.registry), content_type=CONTENT_TYPE_LATEST.split(";")[0])

    async def healthz(view: Any, request: Any) -> Any:
        status, body = health()
        return view.json(body, status=status)

    app.page("/metrics")(metrics_page)
    app.page("/healthz")(healthz)
    app.page("/dashboard")(dashboard_page)
    app.page("/api/summary")(summary)
