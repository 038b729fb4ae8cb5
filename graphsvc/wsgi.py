"""Production serving with gunicorn. Each worker builds its own app (and driver) after fork.

`gunicorn 'graphsvc.app:create_app()'` works as well; this class lets `graphsvc serve` pass
its options without a config file."""

from __future__ import annotations

from gunicorn.app.base import BaseApplication


class GunicornApp(BaseApplication):
    def __init__(self, options: dict):
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from graphsvc.app import create_app

        return create_app()
