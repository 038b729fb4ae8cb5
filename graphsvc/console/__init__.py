"""The management console under /manage/ (DOMAIN.md section 1, "Group managers"): server-rendered
pages for group managers, one client of the same services as the API.

Who is acting: the same trusted header as the API (`X-Acting-User`, set by the gateway in
front of the app). For the local demo only, `GRAPHSVC_CONSOLE_SIGNIN=1` enables a sign-in
picker that keeps the chosen user in Flask's signed session cookie (off by default; on in
`graphsvc up`). Every post carries Flask-WTF's CSRF token; nothing changes on a GET.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from flask import Flask
from flask_wtf.csrf import CSRFProtect

CONSOLE = Path(__file__).parent
csrf = CSRFProtect()


def signin_enabled(app: Flask) -> bool:
    return bool(app.config.get("GRAPHSVC_CONSOLE_SIGNIN"))


def register_console(app: Flask) -> None:
    """Mount the console. The session key comes from GRAPHSVC_SECRET_KEY (shared by every
    worker); without it a key of this process is made up, which does for one process only
    (`graphsvc up` makes one for all its workers)."""
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = os.environ.get("GRAPHSVC_SECRET_KEY") or secrets.token_hex(32)
    app.config.setdefault("GRAPHSVC_CONSOLE_SIGNIN",
                          os.environ.get("GRAPHSVC_CONSOLE_SIGNIN", "") in ("1", "true", "yes"))
    # The API is not cookie-authenticated, so it needs no token: only the console checks.
    app.config.setdefault("WTF_CSRF_CHECK_DEFAULT", False)
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", None)  # valid for the session's life
    if app.config.get("SESSION_COOKIE_SAMESITE") is None:
        app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
    csrf.init_app(app)
    from graphsvc.console.pages import console

    app.register_blueprint(console)
