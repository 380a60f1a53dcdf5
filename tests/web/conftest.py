"""Fixtures: the dashboard's small store (`web_store.fill`), a Project over it and TestClients."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_store import TOKEN, fill

from multipolar.api import Project
from multipolar.web import create_app


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    fill(path)
    return path


@pytest.fixture(scope="session")
def project(web_db: Path) -> Iterator[Project]:
    with Project(web_db, read_only=True) as p:
        yield p


@pytest.fixture(scope="session")
def client(project: Project) -> TestClient:
    return TestClient(create_app(project), base_url="http://127.0.0.1:8000")


@pytest.fixture(scope="session")
def token_client(project: Project) -> TestClient:
    return TestClient(create_app(project, token=TOKEN), base_url="http://192.0.2.1:8000")
