"""The CAMEO ontology: names, Goldstein values, QuadClass and the PLOVER equivalent of every code.

Loaded from the bundled `data/ontology.csv` (sources and licences in `data/README.md`). Codes are always
strings ("042"); QuadClass follows the ICEWS/CAMEO convention computed from the root.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from multipolar.errors import DataFileError

VARIANTS = ("gdelt", "icews", "phoenix")
QUAD_SCHEME = "icews_cameo"  # 01–05 → 1, 06–08 → 2, 09–13 → 3, 14–20 → 4


class UnknownCodeError(DataFileError, KeyError):
    """A CAMEO code that is not in the ontology (a DataFileError that `except KeyError` also catches)."""


def quad_of_root(root: str) -> int:
    """QuadClass of a CAMEO root ("01".."20") by the ICEWS/CAMEO convention."""
    if len(root) != 2 or not root.isdigit() or not 1 <= int(root) <= 20:
        raise DataFileError(f"CAMEO root {root!r} is not one of 01..20")
    n = int(root)
    return 1 if n <= 5 else 2 if n <= 8 else 3 if n <= 13 else 4


@dataclass(frozen=True, slots=True)
class CameoCode:
    cameo: str
    root: str
    level: int
    name: str
    goldstein: float
    quad: int
    plover: str | None
    plover_mode: str | None


class Ontology:
    """All CAMEO codes with one Goldstein variant chosen at load time."""

    def __init__(self, codes: dict[str, CameoCode], *, variant: str) -> None:
        self._codes = codes
        self.variant = variant

    @classmethod
    def load(cls, variant: str = "gdelt", path: str | Path | None = None) -> Ontology:
        if variant not in VARIANTS:
            raise DataFileError(f"Goldstein variant {variant!r}: expected one of {', '.join(VARIANTS)}")
        if path is None:
            text = resources.files("multipolar.events").joinpath("data/ontology.csv").read_text("utf-8")
            where = "multipolar/events/data/ontology.csv"
        else:
            text = Path(path).read_text("utf-8")
            where = str(path)
        order = [variant] + [v for v in VARIANTS if v != variant]
        codes: dict[str, CameoCode] = {}
        problems: list[str] = []
        for n, row in enumerate(csv.DictReader(text.splitlines()), start=2):
            code = (row.get("cameo") or "").strip()
            if not code.isdigit() or not 2 <= len(code) <= 4:
                problems.append(f"{where}:{n}: cameo {code!r} is not a 2–4 digit string")
                continue
            value = next((row[f"goldstein_{v}"] for v in order if row.get(f"goldstein_{v}")), None)
            if value is None:
                problems.append(f"{where}:{n}: code {code} has no Goldstein value in any variant")
                continue
            try:
                quad = quad_of_root(code[:2])
                if str(quad) != row["quad"]:
                    problems.append(f"{where}:{n}: code {code} quad {row['quad']} but root gives {quad}")
                codes[code] = CameoCode(
                    cameo=code, root=code[:2], level=int(row["level"]), name=row["name"],
                    goldstein=float(value), quad=quad,
                    plover=row["plover"] or None, plover_mode=row["plover_mode"] or None,
                )
            except (ValueError, KeyError, DataFileError) as e:
                problems.append(f"{where}:{n}: {e}")
        if problems:
            raise DataFileError("; ".join(problems[:10]) + " — fix the ontology file")
        return cls(codes, variant=variant)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._codes

    def __len__(self) -> int:
        return len(self._codes)

    def __getitem__(self, code: str) -> CameoCode:
        return self.get(code)

    def get(self, code: str) -> CameoCode:
        if not isinstance(code, str):
            raise UnknownCodeError(f"CAMEO code {code!r} must be a string such as \"042\", not {type(code).__name__}")
        try:
            return self._codes[code]
        except KeyError:
            raise UnknownCodeError(f"unknown CAMEO code {code!r}: not in the ontology (codes are strings like \"042\")") from None

    def codes(self) -> list[str]:
        return list(self._codes)

    def goldstein(self, code: str) -> float:
        return self.get(code).goldstein

    def quad(self, code: str) -> int:
        return self.get(code).quad

    def plover(self, code: str) -> tuple[str | None, str | None]:
        c = self.get(code)
        return c.plover, c.plover_mode
