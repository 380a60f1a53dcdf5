"""The store is the bottom of the stack: it imports records, errors, settings, codes, safe_text, the standard
library, duckdb and pyarrow, and nothing above it; SQL lives only in the store. timex/ (date resolution)
imports only vocab, so events, claims and stories can all use it."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "multipolar"
# codes and safe_text import nothing of the package: conventions and text guards every layer shares
ALLOWED_OWN = {"multipolar.records", "multipolar.errors", "multipolar.settings", "multipolar.codes",
               "multipolar.safe_text"}
ALLOWED_THIRD_PARTY = {"duckdb", "pyarrow"}


def _imports(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside functions (TYPE_CHECKING blocks included)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def _allowed(name: str) -> bool:
    top = name.split(".")[0]
    if top == "multipolar":
        return name == "multipolar.store" or name.startswith("multipolar.store.") or name in ALLOWED_OWN
    return top in ALLOWED_THIRD_PARTY or top in sys.stdlib_module_names or top == "__future__"


@pytest.mark.parametrize("path", sorted((PACKAGE / "store").glob("*.py")), ids=lambda p: p.name)
def test_store_module_imports_nothing_above_the_store(path):
    assert sorted(name for name in _imports(path) if not _allowed(name)) == []


@pytest.mark.parametrize("name", ["codes.py", "safe_text.py"])
def test_bottom_modules_import_nothing_of_the_package(name):
    assert sorted(n for n in _imports(PACKAGE / name) if n.split(".")[0] == "multipolar") == []


def test_import_direction_check_catches_an_upward_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from multipolar.analyse import STAGE\n    import numpy\n")
    assert sorted(name for name in _imports(bad) if not _allowed(name)) == ["multipolar.analyse", "numpy"]


WEB = sorted(str(p.relative_to(PACKAGE)) for p in (PACKAGE / "web").glob("*.py"))


@pytest.mark.parametrize("name", ["cli.py", "cli_upkeep.py", "cli_code.py", "cli_live.py", "api.py", "results.py", "analyse.py", "pipeline.py", "reanalyse.py",
                                  "provenance.py", *WEB])
def test_layers_above_the_store_hold_no_sql(name):
    text = (PACKAGE / name).read_text(encoding="utf-8")
    assert not [word for word in ("SELECT ", "UPDATE ", "DELETE FROM", "INSERT ", ".execute(") if word in text]


@pytest.mark.parametrize("name", WEB)
def test_web_reads_through_the_project_only(name):
    assert [n for n in _imports(PACKAGE / name) if n.split(".")[0] == "duckdb" or n.startswith("multipolar.store")] == []


# timex/ sits below events/, claims/ and stories/, which all resolve dates with it: it imports only itself and
# the shared English number and month words (vocab.py imports nothing of the package)
@pytest.mark.parametrize("path", sorted((PACKAGE / "timex").glob("*.py")), ids=lambda p: p.name)
def test_timex_imports_nothing_above_it(path):
    own = {n for n in _imports(path) if n.split(".")[0] == "multipolar"}
    assert sorted(n for n in own if n != "multipolar.vocab" and not n.startswith("multipolar.timex")) == []


# quantities.py (number phrases) sits below events/ and claims/, which both read it: it imports only vocab.py
def test_quantities_imports_only_vocab():
    assert sorted(n for n in _imports(PACKAGE / "quantities.py") if n.split(".")[0] == "multipolar") == [
        "multipolar.vocab"
    ]


def test_vocab_imports_nothing_of_the_package():
    assert sorted(n for n in _imports(PACKAGE / "vocab.py") if n.split(".")[0] == "multipolar") == []
