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
PLOVER_RULES = ("manual", "map2021")
# the PLOVER manual's rule: a code takes its root's cue category (01/02 dropped; 08 split below)
ROOT_TO_PLOVER = {
    "01": None, "02": None, "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
    "08": "CONCEDE", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT", "13": "THREATEN",
    "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT",
    "20": "ASSAULT",
}
QUAD_SCHEME = "icews_cameo"  # 01–05 → 1, 06–08 → 2, 09–13 → 3, 14–20 → 4


class UnknownCodeError(DataFileError, KeyError):
    """A CAMEO code that is not in the ontology (a DataFileError that `except KeyError` also catches)."""


def quad_of_root(root: str) -> int:
    """QuadClass of a CAMEO root ("01".."20") by the ICEWS/CAMEO convention."""
    if len(root) != 2 or not root.isdigit() or not 1 <= int(root) <= 20:
        raise DataFileError(f"CAMEO root {root!r} is not one of 01..20")
    n = int(root)
    return 1 if n <= 5 else 2 if n <= 8 else 3 if n <= 13 else 4


def manual_plover_type(code: str) -> str | None:
    """PLOVER type of a CAMEO code by the manual's rule: its root's category; yields 084–087 are RETREAT, and
    signing a formal agreement (057) is AGREE, as the real-news codebook types "a signed deal" (the 2021 map and
    the root rule would make it SUPPORT)."""
    if code[:2] == "08" and len(code) >= 3 and code[2] in "4567":
        return "RETREAT"
    if code[:3] == "057":
        return "AGREE"
    return ROOT_TO_PLOVER.get(code[:2])


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
    def load(cls, variant: str = "gdelt", path: str | Path | None = None, *, plover_types: str = "manual") -> Ontology:
        """The ontology with Goldstein values of `variant` and PLOVER types by `plover_types`: "map2021" as the
        2021 draft map lists them, "manual" by the manual's root rule (a mode the map gives is kept only
        where both agree on the type, as modes belong to their type)."""
        if variant not in VARIANTS:
            raise DataFileError(f"Goldstein variant {variant!r}: expected one of {', '.join(VARIANTS)}")
        if plover_types not in PLOVER_RULES:
            raise DataFileError(f"PLOVER types {plover_types!r}: expected one of {', '.join(PLOVER_RULES)}")
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
                plover, mode = row["plover"] or None, row["plover_mode"] or None
                if plover_types == "manual" and manual_plover_type(code) != plover:
                    plover, mode = manual_plover_type(code), None
                codes[code] = CameoCode(
                    cameo=code, root=code[:2], level=int(row["level"]), name=row["name"],
                    goldstein=float(value), quad=quad, plover=plover, plover_mode=mode,
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
