"""A tiny stand-in for ActorResolver (same API: add_to_pipeline, resolve) for the events tests."""

from __future__ import annotations

from dataclasses import dataclass

NAMES = {
    "putin": ("RUSGOV", "Vladimir Putin"), "xi": ("CHNGOV", "Xi Jinping"), "xi jinping": ("CHNGOV", "Xi Jinping"),
    "biden": ("USAGOV", "Joe Biden"), "trump": ("USAGOV", "Donald Trump"), "zelensky": ("UKRGOV", "Volodymyr Zelensky"),
    "modi": ("INDGOV", "Narendra Modi"), "macron": ("FRAGOV", "Emmanuel Macron"), "erdogan": ("TURGOV", "Recep Tayyip Erdogan"),
    "russia": ("RUS", None), "china": ("CHN", None), "united states": ("USA", None), "the united states": ("USA", None),
    "us": ("USA", None), "ukraine": ("UKR", None), "iran": ("IRN", None), "israel": ("ISR", None),
    "india": ("IND", None), "france": ("FRA", None), "germany": ("DEU", None), "japan": ("JPN", None),
    "turkey": ("TUR", None), "pakistan": ("PAK", None), "egypt": ("EGY", None), "syria": ("SYR", None),
    "moscow": ("RUSGOV", None), "beijing": ("CHNGOV", None), "washington": ("USAGOV", None), "kyiv": ("UKRGOV", None),
    "the kremlin": ("RUSGOV", None), "tehran": ("IRNGOV", None), "gaza": ("PSE", None), "hamas": ("PSEREB", None),
    "european union": ("IGOEU", None), "the european union": ("IGOEU", None), "nato": ("IGONATO", None),
    "russian": ("RUS", None), "chinese": ("CHN", None), "american": ("USA", None), "ukrainian": ("UKR", None),
    "iranian": ("IRN", None), "israeli": ("ISR", None), "taiwan": ("TWN", None), "north korea": ("PRK", None),
    "south korea": ("KOR", None), "canada": ("CAN", None), "mexico": ("MEX", None), "britain": ("GBR", None),
}


@dataclass(frozen=True)
class FakeMatch:
    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    actor_code: str
    country: str
    person: str | None
    kind: str


class FakeResolver:
    def __init__(self, names: dict[str, tuple[str, str | None]] | None = None) -> None:
        self.names = names or NAMES
        self._max = max(len(k.split()) for k in self.names)

    def add_to_pipeline(self, nlp) -> None:  # the real resolver adds an entity ruler; not needed here
        return None

    def resolve(self, doc, *, on=None):
        out = []
        i = 0
        while i < len(doc):
            hit = None
            for n in range(min(self._max, len(doc) - i), 0, -1):
                key = " ".join(t.lower_ for t in doc[i : i + n])
                if key in self.names:
                    hit = (n, self.names[key])
                    break
            if hit is None:
                i += 1
                continue
            n, (code, person) = hit
            span = doc[i : i + n]
            out.append(FakeMatch(i, i + n, span.start_char, span.end_char, span.text, code, code[:3], person,
                                 "person" if person else "country"))
            i += n
        return out
