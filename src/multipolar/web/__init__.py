"""The dashboard (`multipolar serve`): a FastAPI app over `multipolar.api.Project`, pages rendered with
Jinja2, a read-only JSON API, and small bundled scripts and styles (nothing from a CDN)."""

from multipolar.web.app import check_bind, create_app, is_loopback

__all__ = ["check_bind", "create_app", "is_loopback"]
