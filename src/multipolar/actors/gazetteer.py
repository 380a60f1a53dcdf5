"""The actor gazetteer: countries, organisations and people with dated roles.

The bundled file `data/actors.jsonl` holds one JSON object per line (format in `data/README.md`);
users add files of the same format. A user's entry with the code (countries, organisations) or the
name (people) of an existing entry extends it: lists are extended, metonyms updated, a role with the
same actor, title and start replaces the old one, other fields are replaced.

Every line is validated and every problem is collected before one `DataFileError` names them all,
each as `file:line: what is wrong — the fix`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from multipolar.errors import DataFileError

DATA_DIR = Path(__file__).parent / "data"
BUNDLED_ACTORS = DATA_DIR / "actors.jsonl"
BUNDLED_LEXICON = DATA_DIR / "sectors.json"

_COUNTRY_CODE = re.compile(r"^[A-Z]{3}$")
_ACTOR_CODE = re.compile(r"^[A-Z]{3}[A-Z0-9]{0,12}$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
COLLECTIVE_PREFIXES = frozenset({"IGO", "NGO", "IMG", "MNC"})

_FIELDS = {
    "country": ({"kind", "code", "name"}, {"aliases", "demonyms", "metonyms", "nicknames", "leader_titles"}),
    "organisation": ({"kind", "code", "name"}, {"aliases"}),
    "person": ({"kind", "name"}, {"country", "aliases", "roles"}),
}
_ROLE_FIELDS = ({"actor", "title", "start"}, {"end"})


@dataclass(frozen=True, slots=True)
class Role:
    """A role held from `start` (inclusive) to `end` (exclusive; None while it lasts)."""

    actor: str
    title: str
    start: date
    end: date | None = None

    def is_active(self, on: date) -> bool:
        return self.start <= on and (self.end is None or on < self.end)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    country: str
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()

    def role_on(self, on: date | None) -> Role | None:
        """The role held on `on` (the first listed when several); with `on` None, the latest role."""
        if on is None:
            return self.latest_role()
        for role in self.roles:
            if role.is_active(on):
                return role
        return None

    def latest_role(self) -> Role | None:
        if not self.roles:
            return None
        open_roles = [r for r in self.roles if r.end is None]
        if open_roles:
            return open_roles[0]
        return max(self.roles, key=lambda r: (r.end or date.max, r.start))


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[tuple[str, str], ...] = ()  # (surface, actor code)
    nicknames: tuple[str, ...] = ()
    leader_titles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Organisation:
    code: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The words of `data/sectors.json`: sector nouns, role titles, past markers, honorifics."""

    sectors: frozenset[str]
    sector_nouns: dict[str, str]
    titles: dict[str, str]
    title_classes: dict[str, str]
    military_titles: frozenset[str]
    leader_titles: tuple[str, ...]
    past_markers: frozenset[str]
    honorifics: frozenset[str]

    def title_class(self, title: str) -> str:
        return self.title_classes.get(title, title)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    countries: dict[str, Country]
    organisations: dict[str, Organisation]
    people: dict[str, Person]
    lexicon: Lexicon
    sources: tuple[str, ...] = field(default=())

    @classmethod
    def load(cls, extra_files: Sequence[Path] = ()) -> Gazetteer:
        """The bundled gazetteer plus users' files, later files extending earlier ones."""
        lexicon = load_lexicon(BUNDLED_LEXICON)
        builder = _Builder(lexicon)
        for path in [BUNDLED_ACTORS, *map(Path, extra_files)]:
            builder.read_file(path)
        return builder.finish()

    def is_known_actor(self, code: str) -> bool:
        return _actor_problem(code, self.countries, self.organisations, self.lexicon) is None


def load_lexicon(path: Path) -> Lexicon:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataFileError(
            f"{path}: cannot read the sector lexicon ({exc}) — restore the file from the package"
        ) from exc
    problems = []
    for key in (
        "sectors",
        "sector_nouns",
        "titles",
        "title_classes",
        "military_titles",
        "leader_titles",
        "past_markers",
        "honorifics",
    ):
        if key not in data:
            problems.append(f"{path}: missing key {key!r} — add it (see data/README.md)")
    if problems:
        raise DataFileError("\n".join(problems))
    sectors = frozenset(data["sectors"])
    for noun, sector in data["sector_nouns"].items():
        if sector not in sectors:
            problems.append(
                f"{path}: sector_nouns[{noun!r}] = {sector!r} is not a listed sector — use one of {sorted(sectors)}"
            )
    if problems:
        raise DataFileError("\n".join(problems))
    return Lexicon(
        sectors=sectors,
        sector_nouns={k.lower(): v for k, v in data["sector_nouns"].items()},
        titles={k.lower(): v for k, v in data["titles"].items()},
        title_classes=dict(data["title_classes"]),
        military_titles=frozenset(data["military_titles"]),
        leader_titles=tuple(data["leader_titles"]),
        past_markers=frozenset(w.lower() for w in data["past_markers"]),
        honorifics=frozenset(data["honorifics"]),
    )


def _actor_problem(
    code: str, countries: dict[str, Country], organisations: dict[str, Organisation], lexicon: Lexicon
) -> str | None:
    if code in organisations:
        return None
    if not _ACTOR_CODE.match(code):
        return f"actor code {code!r} is not 3 to 15 upper-case letters"
    prefix, rest = code[:3], code[3:]
    if prefix not in countries and prefix not in COLLECTIVE_PREFIXES:
        return f"actor code {code!r} starts with {prefix!r}, which is no country code in the gazetteer"
    if rest and rest[:3] not in lexicon.sectors:
        return f"actor code {code!r} has sector {rest[:3]!r}, not one of {sorted(lexicon.sectors)}"
    return None


class _Builder:
    """Reads files into mutable entries, collecting problems; `finish` freezes or raises."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.problems: list[str] = []
        self.countries: dict[str, dict[str, Any]] = {}
        self.organisations: dict[str, dict[str, Any]] = {}
        self.people: dict[str, dict[str, Any]] = {}
        self.where: dict[tuple[str, str], str] = {}  # (kind, key) -> "file:line" of its first definition
        self.checks: list[
            tuple[str, str, str]
        ] = []  # (where, what, actor code) checked once all files are read
        self.sources: list[str] = []

    def problem(self, where: str, text: str) -> None:
        self.problems.append(f"{where}: {text}")

    def read_file(self, path: Path) -> None:
        self.sources.append(str(path))
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            self.problem(str(path), "file not found — check the path given for the actors file")
            return
        except (OSError, UnicodeDecodeError) as exc:
            self.problem(str(path), f"cannot be read as UTF-8 text ({exc}) — save it as UTF-8 JSON lines")
            return
        seen_here: set[tuple[str, str]] = set()
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                entry = json.loads(line)
            except ValueError as exc:
                self.problem(where, f"not valid JSON ({exc.args[0]}) — write one JSON object per line")
                continue
            if not isinstance(entry, dict):
                self.problem(
                    where, 'not a JSON object — write one object per line, e.g. {"kind": "country", ...}'
                )
                continue
            self.read_entry(entry, where, seen_here)

    def read_entry(self, entry: dict[str, Any], where: str, seen_here: set[tuple[str, str]]) -> None:
        kind = entry.get("kind")
        if kind not in _FIELDS:
            self.problem(where, f'kind {kind!r} is unknown — use "country", "organisation" or "person"')
            return
        required, optional = _FIELDS[kind]
        ok = True
        for name in sorted(required - entry.keys()):
            self.problem(where, f"{kind} entry lacks {name!r} — add it")
            ok = False
        for name in sorted(entry.keys() - required - optional):
            self.problem(
                where, f"{kind} entry has unknown field {name!r} — use only {sorted(required | optional)}"
            )
            ok = False
        if not ok:
            return
        if kind == "country":
            self.read_country(entry, where, seen_here)
        elif kind == "organisation":
            self.read_organisation(entry, where, seen_here)
        else:
            self.read_person(entry, where, seen_here)

    def strings(self, entry: dict[str, Any], name: str, where: str) -> list[str] | None:
        value = entry.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.problem(where, f'{name!r} must be a list of non-empty strings — e.g. ["..."]')
            return None
        return [v.strip() for v in value]

    def text(self, entry: dict[str, Any], name: str, where: str) -> str | None:
        value = entry.get(name)
        if not isinstance(value, str) or not value.strip():
            self.problem(where, f"{name!r} must be a non-empty string")
            return None
        return value.strip()

    def duplicate(self, kind: str, key: str, where: str, seen_here: set[tuple[str, str]]) -> bool:
        if (kind, key) in seen_here:
            self.problem(
                where,
                f"{kind} {key!r} appears twice in this file (first at {self.where[(kind, key)]}) — merge the two lines",
            )
            return True
        seen_here.add((kind, key))
        self.where.setdefault((kind, key), where)
        return False

    def read_country(self, entry: dict[str, Any], where: str, seen_here: set[tuple[str, str]]) -> None:
        code = entry.get("code")
        name = self.text(entry, "name", where)
        if not isinstance(code, str) or not _COUNTRY_CODE.match(code):
            self.problem(
                where,
                f'country code {code!r} is not three upper-case letters — use ISO 3166-1 alpha-3, e.g. "RUS"',
            )
            return
        if code in self.organisations:
            self.problem(where, f"country code {code!r} is already an organisation code — pick another code")
            return
        lists = {
            k: self.strings(entry, k, where) for k in ("aliases", "demonyms", "nicknames", "leader_titles")
        }
        metonyms = entry.get("metonyms", {})
        if not isinstance(metonyms, dict):
            self.problem(
                where,
                '\'metonyms\' must be an object mapping a phrase to an actor code, e.g. {"Moscow": "RUSGOV"}',
            )
            metonyms = None
        else:
            for phrase, actor in metonyms.items():
                if not isinstance(actor, str) or not actor.startswith(code):
                    self.problem(
                        where,
                        f"metonym {phrase!r} maps to {actor!r} — map it to a code starting with {code!r}, e.g. {code}GOV",
                    )
                    metonyms = None
                    break
                self.checks.append((where, f"metonym {phrase!r}", actor))
        if name is None or metonyms is None or any(v is None for v in lists.values()):
            return
        if self.duplicate("country", code, where, seen_here):
            return
        old = self.countries.get(code)
        if old is None:
            self.countries[code] = {
                "code": code,
                "name": name,
                **{k: list(v or []) for k, v in lists.items()},
                "metonyms": dict(metonyms),
            }
            return
        old["name"] = name
        for key in ("aliases", "demonyms", "nicknames"):
            old[key] += [v for v in lists[key] or [] if v not in old[key]]
        if "leader_titles" in entry:
            old["leader_titles"] = list(lists["leader_titles"] or [])
        old["metonyms"].update(metonyms)

    def read_organisation(self, entry: dict[str, Any], where: str, seen_here: set[tuple[str, str]]) -> None:
        code = entry.get("code")
        name = self.text(entry, "name", where)
        aliases = self.strings(entry, "aliases", where)
        if not isinstance(code, str) or not _ACTOR_CODE.match(code):
            self.problem(
                where, f'organisation code {code!r} is not 3 to 15 upper-case letters — e.g. "IGONATO"'
            )
            return
        if code in self.countries:
            self.problem(
                where, f'organisation code {code!r} is already a country code — use e.g. "IGO{code}"'
            )
            return
        if name is None or aliases is None or self.duplicate("organisation", code, where, seen_here):
            return
        old = self.organisations.get(code)
        if old is None:
            self.organisations[code] = {"code": code, "name": name, "aliases": aliases}
        else:
            old["name"] = name
            old["aliases"] += [a for a in aliases if a not in old["aliases"]]

    def read_person(self, entry: dict[str, Any], where: str, seen_here: set[tuple[str, str]]) -> None:
        name = self.text(entry, "name", where)
        aliases = self.strings(entry, "aliases", where)
        country = entry.get("country")
        if country is not None and (not isinstance(country, str) or not _COUNTRY_CODE.match(country)):
            self.problem(where, f'person country {country!r} is not a three-letter country code — e.g. "RUS"')
            return
        raw_roles = entry.get("roles", [])
        if not isinstance(raw_roles, list):
            self.problem(where, '\'roles\' must be a list of objects {"actor", "title", "start", "end"}')
            return
        roles = [self.read_role(r, where, i) for i, r in enumerate(raw_roles, start=1)]
        if name is None or aliases is None or any(r is None for r in roles):
            return
        if self.duplicate("person", name, where, seen_here):
            return
        if country is not None:
            self.checks.append((where, f"person {name!r} country", country))
        old = self.people.get(name)
        if old is None:
            self.people[name] = {
                "name": name,
                "country": country,
                "aliases": aliases,
                "roles": roles,
                "where": where,
            }
            return
        if country is not None:
            old["country"] = country
        old["aliases"] += [a for a in aliases if a not in old["aliases"]]
        for role in roles:
            assert role is not None
            same = [
                i
                for i, r in enumerate(old["roles"])
                if (r.actor, r.title, r.start) == (role.actor, role.title, role.start)
            ]
            if same:
                old["roles"][same[0]] = role
            else:
                old["roles"].append(role)

    def read_role(self, raw: Any, where: str, index: int) -> Role | None:
        label = f"role {index}"
        if not isinstance(raw, dict):
            self.problem(where, f'{label} is not an object — write {{"actor", "title", "start", "end"}}')
            return None
        required, optional = _ROLE_FIELDS
        missing = sorted(required - raw.keys())
        unknown = sorted(raw.keys() - required - optional)
        if missing or unknown:
            for name in missing:
                self.problem(where, f"{label} lacks {name!r} — add it")
            for name in unknown:
                self.problem(where, f"{label} has unknown field {name!r} — use only actor, title, start, end")
            return None
        actor, title = raw["actor"], raw["title"]
        ok = True
        if not isinstance(actor, str) or not _ACTOR_CODE.match(actor):
            self.problem(where, f'{label} actor {actor!r} is not an actor code — e.g. "RUSGOV" or "IGONATO"')
            ok = False
        if not isinstance(title, str) or not title.strip() or title != title.lower():
            self.problem(where, f'{label} title {title!r} must be lower-case words — e.g. "foreign minister"')
            ok = False
        start = self.read_date(raw["start"], where, f"{label} start", nullable=False)
        end = self.read_date(raw.get("end"), where, f"{label} end", nullable=True)
        if not ok or start is None or end is False:
            return None
        assert end is None or isinstance(end, date)
        if end is not None and end <= start:
            self.problem(
                where, f"{label} ends ({end}) on or before it starts ({start}) — swap or correct the dates"
            )
            return None
        self.checks.append((where, label, actor))
        return Role(actor=actor, title=title.strip(), start=start, end=end)

    def read_date(self, value: Any, where: str, label: str, *, nullable: bool) -> date | None | bool:
        if value is None and nullable:
            return None
        if isinstance(value, str) and _ISO_DATE.match(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        hint = " or null while the role lasts" if nullable else ""
        self.problem(where, f"{label} {value!r} is not an ISO date — write YYYY-MM-DD{hint}")
        return False if nullable else None

    def finish(self) -> Gazetteer:
        countries = {c: _freeze_country(d) for c, d in self.countries.items()}
        organisations = {
            c: Organisation(d["code"], d["name"], tuple(d["aliases"])) for c, d in self.organisations.items()
        }
        for where, what, actor in self.checks:
            problem = _actor_problem(actor, countries, organisations, self.lexicon)
            if problem:
                self.problem(where, f"{what}: {problem} — add the country or organisation, or fix the code")
        people = {}
        for name, d in self.people.items():
            country = d["country"] or _country_from_roles(d["roles"], countries)
            if country is None:
                self.problem(
                    d["where"],
                    f'person {name!r} has no \'country\' and no role in a country — add "country": "CCC"',
                )
                continue
            people[name] = Person(
                name=name, country=country, aliases=tuple(d["aliases"]), roles=tuple(d["roles"])
            )
        if self.problems:
            count = len(self.problems)
            head = f"{count} problem{'s' if count > 1 else ''} in the actors data:"
            raise DataFileError("\n".join([head, *("  " + p for p in self.problems)]))
        return Gazetteer(
            countries=countries,
            organisations=organisations,
            people=people,
            lexicon=self.lexicon,
            sources=tuple(self.sources),
        )


def _freeze_country(d: dict[str, Any]) -> Country:
    return Country(
        code=d["code"],
        name=d["name"],
        aliases=tuple(d["aliases"]),
        demonyms=tuple(d["demonyms"]),
        metonyms=tuple(d["metonyms"].items()),
        nicknames=tuple(d["nicknames"]),
        leader_titles=tuple(d["leader_titles"]),
    )


def _country_from_roles(roles: Iterable[Role], countries: dict[str, Country]) -> str | None:
    for role in roles:
        if role.actor[:3] in countries:
            return role.actor[:3]
    return None
