"""Plain text saved from web pages: metadata out of the header and footer, site chrome out of the body.

`clean_text(text, title=None)` returns a `TextCleaning`: the clean body (the title line is moved to
`title`, not kept in the body), the title, author, outlet and publication date found in the text, and
the lines removed as chrome or metadata, in order (nothing is lost: they go to `Document.removed`).

Rules are general, line-based and cheap (one pass, regexes compiled once):
- title: the first substantial line before the first paragraph (at least three words, at most 200
  characters, one sentence, not a category, date, byline or widget line); lines before it are
  navigation. A title given by the container wins: then lines repeating it are removed, nothing guessed.
- date: only a line that is a date (optionally labelled "Published", "Posted on", "Updated", with a
  bullet or a time) or a byline carrying one; dates inside prose are never publication dates, and a
  date without a year is never completed. "Published"/"Posted" beats an unlabelled date beats "Updated".
- author: "By X", "Written By" + name line, "Author: X", "Posted by X", a closing signature line
  "Name, Senior Expert at ...".
- outlet: "Source: AFP" line, a wire dateline "MOSCOW (Reuters) -", a closing "— TASS" or "/TASS/",
  a disclaimer "... views of the IPIS", "..., Al Jazeera reports." in the first paragraph (in that order).
- chrome: view counters, "Previous Post Next Post", "Source link", share/follow/subscribe/comment
  widgets, hashtag lines, tag and category lines, related-post lists, junk lines with fewer than two
  letters or digits, repeated headline lines, deck lines that repeat the first paragraph, and
  short lines at either end written in another script than the body (a comment widget in Persian
  under an English article) or made of widget vocabulary in any of a dozen languages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from multipolar.clean.dates import DATE_PATTERN, date_from_match
from multipolar.clean.normalize import normalize


@dataclass(frozen=True, slots=True)
class TextCleaning:
    text: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: date | None = None
    removed: tuple[str, ...] = ()
    boilerplate_removed: float = 0.0


_I = re.IGNORECASE
_SHORT = 120  # lines longer than this are prose: no chrome or metadata rule applies to them
_PARAGRAPH_CHARS = 200
_PARAGRAPH_WORDS = 30

_CHROME = re.compile(
    r"(?:"
    # view counters and engagement counts
    r"(?:views?|reads?|hits|visits|seen|مشاهده|بازدید|просмотр\w*)\s*:?\s*[\d.,]+\s*[km]?"
    r"|[\d.,]+\s*[km]?\s*(?:views?|reads?|shares?|comments?|likes?|reactions?|visits)"
    r"|(?:👁|👀)\s*[\d.,]+"
    # post navigation
    r"|(?:[«‹<←]\s*)?(?:previous|prev|next|older|newer)(?:\s+(?:post|article|story|page|entry|item))?"
    r"(?:\s*[|/»›>→«‹<←-]?\s*(?:previous|prev|next|older|newer)(?:\s+(?:post|article|story|page|entry|item))?)*(?:\s*[»›>→])?"
    r"|(?:source|original)\s+(?:link|links|article|url)|(?:read|view)\s+(?:the\s+)?(?:original|source)(?:\s+\w+)?"
    r"|(?:read|continue reading|see|view)\s+(?:more|full\s+(?:story|article|text))(?:\s*[.…»>→]+)?"
    r"|continue reading(?:\s*[.…»>→]+)?|click here.{0,80}|tap here.{0,60}"
    r"|back to top|skip to (?:main )?content|home|menu|search|toggle navigation|go to (?:top|home).{0,20}"
    # share, follow, subscribe
    r"|(?:share|share this|share this (?:article|post|story|page)|share on \w+|share via \w+|tweet|pin it|email|print|whatsapp|telegram|copy link)"
    r"(?:\s*[:|/,•·]?\s*(?:share|facebook|twitter|x|linkedin|whatsapp|telegram|reddit|email|print|pinterest|vk|copy link|tweet))*\s*:?"
    r"|(?:facebook|twitter|linkedin|whatsapp|telegram|reddit|pinterest|email|vk|youtube|instagram|tiktok|x)"
    r"(?:\s*[|/,•·]?\s*(?:facebook|twitter|linkedin|whatsapp|telegram|reddit|pinterest|email|print|vk|youtube|instagram|tiktok|x))+"
    r"|follow us(?:\s+on\s+.{1,60})?|like us on \w+|join (?:us|our \w+ channel) on \w+.{0,40}"
    r"|subscribe(?:\s+(?:now|here|to\s+.{1,60}))?|sign up (?:for|to) .{0,60}newsletter.{0,30}|get the latest .{0,60}"
    r"|advertisement|advertising|sponsored(?: content)?|ad|ads by \w+|promoted"
    # comments
    r"|comments?(?:\s*\(\d+\))?|(?:leave|post|add|write) a (?:comment|reply)|reply|\d+\s+repl(?:y|ies)"
    r"|no comments?(?: yet)?(?:\.)?|be the first to comment.{0,20}|log ?in to (?:comment|reply).{0,20}"
    r"|your email address will not be published.{0,80}|required fields are marked.{0,20}"
    # tags, categories, hashtags, credits
    r"|(?:tags?|tagged|categor(?:y|ies)|filed under|topics?|keywords?|labels?)\s*:.{0,200}"
    r"|(?:#[\w-]+[\s,;|]*)+"
    r"|(?:all rights reserved|copyright|©).{0,150}|.{0,120}all rights reserved\.?"
    r"|(?:photo|image|picture|video|graphic)s?\s*(?:credit)?\s*:.{0,100}"
    r")",
    _I,
)
_RELATED_HEAD = re.compile(
    r"(?:related|recommended|more|latest|popular|trending|most (?:read|popular|viewed))"
    r"(?:\s+(?:posts?|articles?|stories|news|reading|content|videos?|for you|now|on \S.{0,30}|from \S.{0,30}))?\s*:?"
    r"|you (?:may|might) (?:also )?(?:like|be interested in|enjoy)\s*:?|read (?:also|next|more)\s*:?"
    r"|see also\s*:?|also read\s*:?|further reading\s*:?|what to read next\s*:?|don't miss\s*:?",
    _I,
)
_INLINE_PROMO = re.compile(
    r"(?:read (?:also|more|next)|also read|see also|related|watch)\s*:\s*\S.{0,150}", _I
)
_DISCLAIMER = re.compile(
    r"\(?\s*(?:disclaimer\s*:.*|(?:the\s+)?(?:opinions?|views?)(?:\s+and\s+(?:opinions?|views?))?\s+expressed\s.{0,250})",
    _I,
)
_DISCLAIMER_OUTLET = re.compile(
    r"(?:views?|opinions?|positions?|polic(?:y|ies)|those|not)\s+of\s+(?:the\s+)?([A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,5})"
)
_WIDGET_WORDS = re.compile(
    r"comment|reply|share|دیدگاه|نظر|ارسال|اشتراک|تعليق|مشاركة|ردود|комментар|ответ|поделит|kommentar|antwort"
    r"|teilen|commentaire|répondre|partager|comentario|responder|compartir|comentári|commento|rispondi"
    r"|condividi|yorum|paylaş|评论|評論|留言|分享|回复|コメント|返信|共有|댓글|공유|답글",
    _I,
)
_JUNK = re.compile(r"[^\W_].*[^\W_]|[^\W\d_]{2}")
_WORD = re.compile(r"\S+")
_KEY_DROP = re.compile(r"[^\w\s]")

_LABEL = re.compile(
    r"^[\s•·|*>-]*(?:(?P<pub>published|posted|released|issued|first published|date published|publication date|date)"
    r"|(?P<upd>updated|last updated|modified|last modified))?(?:\s*on)?\s*:?\s*",
    _I,
)
_SEP = r"(?:[\s,|•·/()-]|\bat\b|:)*+"
_DATE_LEFTOVER = re.compile(
    _SEP
    + r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?)?"
    + _SEP
    + r"(?:\d\d?[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5}|\s*(?:GMT|UTC)\s*[+-]?\d*)?)?"
    + _SEP,
    _I,
)
_BYLINE = re.compile(
    r"^[\s•·|*-]*(?:(?:written|posted|reported|words|text|story|article)\s+)?(?:by|author|authors|byline)\s*[:\s]\s*(?P<rest>.+)$",
    _I,
)
_BYLINE_ALONE = re.compile(
    r"^[\s•·|*-]*(?:written|posted|reported)?\s*(?:by|author|authors|about the author)\s*:?$", _I
)
_SOURCE_LINE = re.compile(
    r"^[\s•·|*-]*(?:source|sources|via|courtesy|credit|agency|news agency)\s*:\s*(?P<rest>.+)$", _I
)
_WIRE_DATELINE = re.compile(r"^.{0,60}?\((?P<wire>[A-Z][\w&./ -]{0,24}[\w.])\)\s*[-—:]")
_WIRE_SLASHES = re.compile(r"^.{0,80}?/(?P<wire>[A-Z][A-Za-z-]{1,15})/")
_WIRE_TAIL = re.compile(r"\s[—-]\s*(?P<wire>[A-Z][A-Za-z&.]*(?:\s[A-Z][A-Za-z&.]*){0,2})\.?$")
_REPORTS = re.compile(
    r"(?:,|;|\bso)\s+(?:the\s+)?(?P<outlet>[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3})\s+(?:reports?|reported|said in a report)\s*\.?$"
)
_SIGNATURE = re.compile(
    r"^(?P<name>[^\W\d_][\w.'-]*(?:\s+[^\W\d_][\w.'-]*){1,5}),\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:expert|analyst|fellow|professor|researcher|editor|correspondent|journalist|writer|contributor|director"
    r"|scholar|lecturer|consultant|columnist|reporter|head|chair|president|member|specialist|associate|author)\b.{0,180}$",
    _I,
)
_SENTENCE_INSIDE = re.compile(r"[a-z0-9\"')][.!?]\s+[A-Z\"]")
_NAME_PARTICLES = frozenset(
    "van von de da del der di du la le bin al el ibn ben dos das mac st. and &".split()
)
_NAME_STOP = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday the a an this that contrast far now "
    "then way all some most".split()
)
_SECTIONS = frozenset(
    """world news asia africa europe eastern western northern southern central middle east americas america
    north south latin pacific oceania usa us u.s. uk eu china russia india politics political business economy
    economics finance markets opinion opinions analysis analyses commentary editorial editorials features feature
    sports sport tech technology science health culture arts entertainment lifestyle travel environment climate
    energy defense defence security military diplomacy international national local regional domestic foreign
    affairs global breaking latest top stories story home region regions society society, blog blogs video videos
    photos podcasts interviews interview reports report research publications insights briefing briefings
    press releases release statements articles article columns column special focus in-depth explainer
    trade law justice education religion media elections election war conflict ukraine taiwan iran israel
    gaza japan korea""".split()
)
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_NAV_SEPARATORS = re.compile(r"\s(?:[>»|/·•›]|::)\s")

_SCRIPTS = (
    ("latin", re.compile(r"[A-Za-z\u00c0-\u024f]")),
    ("cyrillic", re.compile(r"[\u0400-\u04ff]")),
    ("arabic", re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]")),
    ("cjk", re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")),
    ("greek", re.compile(r"[\u0370-\u03ff]")),
    ("hebrew", re.compile(r"[\u0590-\u05ff]")),
    ("indic", re.compile(r"[\u0900-\u0dff]")),
    ("thai", re.compile(r"[\u0e00-\u0e7f]")),
)


def clean_text(text: str, *, title: str | None = None) -> TextCleaning:
    """Clean plain text saved from a web page (see the module docstring for the rules)."""
    text = normalize(text)
    lines = text.split("\n")
    n = len(lines)
    status: list[str | None] = [None] * n  # None = keep, "title", or the reason it was removed
    nonblank = [i for i, line in enumerate(lines) if line]
    if not nonblank:
        return TextCleaning(text="")
    body_start = next((i for i in nonblank if _is_paragraph(lines[i])), n)
    known_title = normalize(title).replace("\n", " ") if title else None

    body_end = next((i for i in reversed(nonblank) if _is_paragraph(lines[i])), -1)
    meta = _Meta()
    # pass 1: per-line chrome and metadata
    pending_author_label = False
    for i in nonblank:
        line = lines[i]
        if pending_author_label:
            pending_author_label = False
            if _looks_like_name(line):
                meta.add_author(line)
                status[i] = "byline"
                continue
        if len(line) > _SHORT:
            if len(line) <= 400 and _DISCLAIMER.fullmatch(line):
                meta.disclaimer_outlet(line)  # the disclaimer stays: it is the publisher's text
            continue
        status[i] = _line_status(line, meta, at_edge=i < body_start or i > body_end)
        if status[i] == "byline-label":
            status[i] = "byline"
            pending_author_label = True

    # title and the navigation above it
    kept = [i for i in nonblank if status[i] is None]
    title_index = None
    if known_title is None:
        for i in kept:
            if i >= body_start:
                break
            if _is_title(lines[i]):
                title_index = i
                break
        if title_index is not None:
            known_title = lines[title_index]
            status[title_index] = "title"
            for i in kept:
                if i >= title_index:
                    break
                status[i] = "navigation"
    if known_title is not None:
        title_key = _key(known_title)
        low, high = len(known_title) * 0.8 - 5, len(known_title) * 1.2 + 5
        for i in kept:
            if (
                status[i] is None
                and title_key
                and low <= len(lines[i]) <= high
                and _key(lines[i]) == title_key
            ):
                status[i] = "repeated headline"
    _mark_decks(lines, status, nonblank)
    _mark_related_lists(lines, status, nonblank)
    # widget lines at the edges and section lines under the title uncover each other: run to a fixpoint
    while _mark_foreign_edges(lines, status, nonblank) + _mark_sections(lines, status, nonblank, title_index):
        pass
    _mark_signature(lines, status, meta)
    _find_outlet_in_body(lines, status, meta)
    if not any(status[i] is None for i in kept):
        # a news brief of one line that repeats its title: the line is the article, not chrome
        for i in kept:
            if status[i] == "repeated headline":
                status[i] = None

    body: list[str] = []
    removed: list[str] = []
    removed_chars = 0
    total_chars = 0
    for i, line in enumerate(lines):
        if not line:
            if body and body[-1]:
                body.append("")
            continue
        reason = status[i]
        if reason == "title":
            continue
        total_chars += len(line)
        if reason is None:
            body.append(line)
        else:
            removed.append(line)
            removed_chars += len(line)
    while body and not body[-1]:
        body.pop()
    return TextCleaning(
        text="\n".join(body),
        title=known_title,
        author=meta.author,
        outlet=meta.outlet(),
        published=meta.published(),
        removed=tuple(removed),
        boilerplate_removed=round(removed_chars / total_chars, 4) if total_chars else 0.0,
    )


class _Meta:
    __slots__ = ("author", "dates", "outlets")

    def __init__(self) -> None:
        self.author: str | None = None
        self.dates: list[tuple[int, date]] = []  # (rank, date): 0 published, 1 unlabelled, 2 updated
        self.outlets: list[tuple[int, str]] = []  # (rank, outlet), lower rank wins

    def add_author(self, name: str) -> None:
        name = name.strip(" ,;|•·-—")
        if self.author is None and name:
            self.author = name

    def add_outlet(self, rank: int, outlet: str) -> None:
        outlet = outlet.strip(" ,;.|•·-—()")
        if outlet and len(outlet) <= 60:
            self.outlets.append((rank, outlet))

    def disclaimer_outlet(self, line: str) -> None:
        match = _DISCLAIMER_OUTLET.search(line)
        if match:
            self.add_outlet(3, match.group(1))

    def outlet(self) -> str | None:
        return min(self.outlets, key=lambda pair: pair[0])[1] if self.outlets else None

    def published(self) -> date | None:
        return min(self.dates, key=lambda pair: pair[0])[1] if self.dates else None


def _line_status(line: str, meta: _Meta, *, at_edge: bool) -> str | None:
    """Why `line` goes (chrome or metadata, recorded in `meta`), or None to keep it. A "Source: X"
    line names the outlet only above the first or below the last paragraph: between paragraphs it
    credits a chart or a table (it is removed either way, as a caption)."""
    dated = _date_line(line)
    if dated is not None:
        meta.dates.append(dated)
        return "date"
    if not _JUNK.search(line):
        return "junk"  # fewer than two letters or digits: "x", "|", "###", "---"
    if _BYLINE_ALONE.fullmatch(line):
        return "byline-label"
    match = _BYLINE.match(line)
    if match:
        name, rest = _split_byline(match.group("rest"))
        if name:
            meta.add_author(name)
            if rest:
                for found in DATE_PATTERN.finditer(rest):
                    day = date_from_match(found)
                    if day is not None:
                        meta.dates.append((0, day))
                        break
            return "byline"
    match = _SOURCE_LINE.match(line)
    if match and len(_WORD.findall(match.group("rest"))) <= 6:
        if at_edge:
            meta.add_outlet(0, match.group("rest"))
        return "source"
    if _CHROME.fullmatch(line):
        return "chrome"
    if _INLINE_PROMO.fullmatch(line):
        return "related"
    if _DISCLAIMER.fullmatch(line):
        meta.disclaimer_outlet(line)
    return None


def _date_line(line: str) -> tuple[int, date] | None:
    if len(line) > 80:
        return None
    label = _LABEL.match(line)
    rest = line[label.end() :] if label else line
    match = DATE_PATTERN.search(rest)
    if match is None:
        return None
    leftover = rest[: match.start()] + " " + rest[match.end() :]
    if not _DATE_LEFTOVER.fullmatch(leftover):
        return None
    day = date_from_match(match)
    if day is None:
        return None
    rank = 1
    if label and label.group("pub"):
        rank = 0
    elif label and label.group("upd"):
        rank = 2
    return rank, day


def _split_byline(rest: str) -> tuple[str | None, str]:
    """'John Smith | January 2, 2025' -> ('John Smith', 'January 2, 2025')."""
    parts = re.split(r"\s*(?:[|•·—]|\s-\s|,\s*(?=(?:\d|[A-Z][a-z]+\.?\s+\d)))\s*", rest, maxsplit=1)
    name = parts[0].strip()
    if not _looks_like_name(name):
        return None, rest
    return name, parts[1] if len(parts) > 1 else ""


def _looks_like_name(text: str) -> bool:
    tokens = text.replace(",", " , ").split()
    if not tokens or len(tokens) > 12 or len(text) > 80:
        return False
    words = 0
    for token in tokens:
        low = token.lower()
        if token == ",":
            continue
        if low in _NAME_PARTICLES:
            continue
        if not token[0].isupper() or low.strip(".") in _NAME_STOP or any(ch.isdigit() for ch in token):
            return False
        words += 1
    return 1 <= words <= 8


def _is_paragraph(line: str) -> bool:
    return len(line) >= _PARAGRAPH_CHARS or (len(line) >= 80 and line.count(" ") >= _PARAGRAPH_WORDS - 1)


def _is_title(line: str) -> bool:
    if len(line) > 200 or len(line) < 10 or line.count(" ") < 2:
        return False
    if _SENTENCE_INSIDE.search(line) or _is_category(line):
        return False
    if line.endswith(".") and not re.search(r"\b[A-Z]\.[A-Z]?\.?$", line):
        return False
    return not line.endswith((":", ","))


def _is_category(line: str, *, separators: bool = True) -> bool:
    if len(line) > 100 or line.startswith("|"):
        return False
    if separators and _NAV_SEPARATORS.search(line) and line.count(" ") <= 16:
        parts = [p for p in re.split(r"\s(?:[>»|/·•›]|::)\s", line) if p]
        if all(len(p.split()) <= 3 for p in parts):
            return True
    tokens = line.replace(",", " ").replace("&", " ").split()
    if not tokens or len(tokens) > 8:
        return False
    return all(t.lower() in _SECTIONS for t in tokens)


def _key(line: str) -> str:
    return " ".join(_KEY_DROP.sub("", line.lower()).split())


def _mark_decks(lines: list[str], status: list[str | None], nonblank: list[int]) -> None:
    kept = [i for i in nonblank if status[i] is None]
    head = kept[:12]
    keys = {i: _key(lines[i]).split() for i in head}
    for pos, i in enumerate(head):
        tokens = keys[i]
        if len(tokens) < 8:
            continue
        for j in head[pos + 1 :]:
            other = keys[j]
            if len(other) <= len(tokens) or other[:8] != tokens[:8]:
                continue
            missing = len(set(tokens) - set(other))
            if missing <= max(1, len(tokens) // 10):
                status[i] = "deck repeating a paragraph"
                break


def _mark_related_lists(lines: list[str], status: list[str | None], nonblank: list[int]) -> None:
    in_list = False
    for i in nonblank:
        line = lines[i]
        if status[i] not in (None, "chrome"):
            continue
        if len(line) <= 60 and _RELATED_HEAD.fullmatch(line):
            status[i] = "related"
            in_list = True
            continue
        if in_list:
            if status[i] is None and len(line) <= 160 and not _is_paragraph(line) and not line.endswith("."):
                status[i] = "related"
            elif status[i] is None:
                in_list = False


def _script(text: str) -> str | None:
    if text.isascii():
        return "latin" if _ASCII_LETTER.search(text) else None
    best, best_count = None, 0
    for name, pattern in _SCRIPTS:
        count = len(pattern.findall(text))
        if count > best_count:
            best, best_count = name, count
    return best


def _mark_foreign_edges(lines: list[str], status: list[str | None], nonblank: list[int]) -> int:
    """Short lines at either end in another script or of widget words; returns how many were marked."""
    kept = [i for i in nonblank if status[i] is None]
    if len(kept) < 2:
        return 0
    sample = " ".join(lines[i] for i in kept[:40] if len(lines[i]) > _SHORT)[:1000]
    main = _script(sample) if sample else None
    if main is None:
        return 0
    marked = 0
    for edge in (kept[::-1], kept):
        for i in edge:
            if status[i] is not None:
                continue
            line = lines[i]
            if len(line) > 80 or _is_paragraph(line):
                break
            script = _script(line)
            if (script is not None and script != main) or _is_widget_line(line):
                status[i] = "widget"
                marked += 1
                continue
            break
    return marked


def _is_widget_line(line: str) -> bool:
    return len(line) <= 60 and line.count(" ") <= 6 and _WIDGET_WORDS.search(line) is not None


def _mark_sections(
    lines: list[str], status: list[str | None], nonblank: list[int], title_index: int | None
) -> int:
    """Section lines ("Politics") right under the title, before the body; returns how many were marked."""
    if title_index is None:
        return 0
    body_start = next((i for i in nonblank if status[i] is None and _is_paragraph(lines[i])), len(lines))
    marked = 0
    for i in nonblank:
        if i <= title_index or status[i] is not None:
            continue
        if i >= body_start or not _is_category(lines[i], separators=False):
            break
        status[i] = "navigation"
        marked += 1
    return marked


def _mark_signature(lines: list[str], status: list[str | None], meta: _Meta) -> None:
    tail = [i for i in range(len(lines)) if lines[i] and status[i] is None][-3:]
    for i in reversed(tail):
        line = lines[i]
        if len(line) > 200:
            break
        match = _SIGNATURE.match(line)
        if match and _looks_like_name(match.group("name")):
            meta.add_author(match.group("name"))
            status[i] = "byline"
            break


def _find_outlet_in_body(lines: list[str], status: list[str | None], meta: _Meta) -> None:
    kept = [i for i in range(len(lines)) if lines[i] and status[i] is None]
    if not kept:
        return
    first = next((i for i in kept if _is_paragraph(lines[i])), kept[0])
    head = lines[first]
    match = _WIRE_DATELINE.match(head) or _WIRE_SLASHES.match(head)
    if match:
        meta.add_outlet(1, match.group("wire"))
    last = lines[kept[-1]]
    match = _WIRE_TAIL.search(last)
    if match and _is_wire_name(match.group("wire")):
        meta.add_outlet(2, match.group("wire"))
    sentence_end = re.split(r"(?<=[.!?])\s+(?=[A-Z\"])", head)
    for sentence in sentence_end[:3]:
        match = _REPORTS.search(sentence)
        if match:
            meta.add_outlet(4, match.group("outlet"))
            break


def _is_wire_name(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= max(2, len(letters) // 2)
