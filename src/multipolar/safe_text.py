"""Text that can always be stored and shown: repairs for what hostile or broken inputs carry.

- `repair(text)`: lone surrogates (from `"\\ud800"` in JSON, `&#xd800;` in a feed, undecodable file
  names) cannot be encoded as UTF-8, so no store, file or terminal can take them; each becomes U+FFFD.
- `repair_value(obj)`: the same over every string (keys too) of a parsed JSON value.
- `json_depth(obj)`: how deeply a parsed value nests, without recursion (a 100,000-deep list is fine).
- `repair_charrefs(raw)`: numeric character references no character can have (`&#xd800;`,
  `&#x110000;`, `&#0;`) become `&#xfffd;` in XML bytes before a feed parser sees them.
- `printable(text)`: terminal escape and control sequences removed, for tables and CSV output.
- `web_link(url)`: the URL when it may be a link in what we render (http or https with a host, no
  whitespace or control characters), else None: `javascript:`, `data:` and the like are shown as text.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

REPLACEMENT = "\ufffd"
_SURROGATE = re.compile("[\ud800-\udfff]")
# also `&amp;#xd800;`: escaped HTML inside a feed item is unescaped once and then parsed again
_CHARREF = re.compile(rb"(&(?:amp;)*)#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")
# ESC-introduced sequences (CSI ... final byte, OSC ... BEL/ST, two-character escapes), then the
# remaining C0/C1 controls except tab and newline.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]"
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def repair(text: str) -> tuple[str, int]:
    """(text with each lone surrogate replaced by U+FFFD, how many were replaced)."""
    return _SURROGATE.subn(REPLACEMENT, text)


def repair_value(obj: Any) -> tuple[Any, int]:
    """(obj with every string repaired, replacements made); containers are rebuilt only if changed.

    Iterative, so any depth is safe; values other than str, list and dict are returned unchanged."""
    if isinstance(obj, str):
        return repair(obj)
    if not isinstance(obj, (list, dict)):
        return obj, 0
    if not _has_surrogate(obj):
        return obj, 0
    count = 0

    def fix(value: Any) -> Any:
        nonlocal count
        if isinstance(value, str):
            fixed, n = repair(value)
            count += n
            return fixed
        return value

    root: Any = [obj]
    stack: list[Any] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            for i, value in enumerate(node):
                if isinstance(value, (list, dict)):
                    node[i] = value = list(value) if isinstance(value, list) else dict(value)
                    stack.append(value)
                else:
                    node[i] = fix(value)
        else:
            items = list(node.items())
            node.clear()
            for key, value in items:
                if isinstance(value, (list, dict)):
                    value = list(value) if isinstance(value, list) else dict(value)
                    stack.append(value)
                else:
                    value = fix(value)
                node[fix(key)] = value
    return root[0], count


def _has_surrogate(obj: Any) -> bool:
    stack = [obj]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            if _SURROGATE.search(node):
                return True
        elif isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            stack.extend(node.keys())
            stack.extend(node.values())
    return False


def json_depth(obj: Any) -> int:
    """Nesting depth of a parsed JSON value: 0 for a scalar, 1 for a flat list or object."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(obj, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, (list, dict)):
            depth += 1
            deepest = max(deepest, depth)
            stack.extend((child, depth) for child in (node.values() if isinstance(node, dict) else node))
    return deepest


def _valid_codepoint(value: int) -> bool:
    return (
        value in (0x9, 0xA, 0xD)
        or 0x20 <= value <= 0xD7FF
        or 0xE000 <= value <= 0xFFFD
        or 0x10000 <= value <= 0x10FFFF
    )


def repair_charrefs(raw: bytes) -> tuple[bytes, int]:
    """(XML bytes with numeric references to impossible characters made `&#xfffd;`, how many)."""
    count = 0

    def fix(match: re.Match[bytes]) -> bytes:
        nonlocal count
        digits = match.group(2) if match.group(2) is not None else match.group(3)
        value = -1 if len(digits.lstrip(b"0")) > 8 else int(digits, 16 if match.group(2) is not None else 10)
        if _valid_codepoint(value):
            return match.group(0)
        count += 1
        return match.group(1) + b"#xfffd;"

    if b"#" not in raw:
        return raw, 0
    return _CHARREF.sub(fix, raw), count


def printable(text: str) -> str:
    """Text safe to print on a terminal or put in a CSV cell: escape sequences and control
    characters other than tab and newline removed, lone surrogates replaced."""
    text = _ESCAPES.sub("", text)
    text = _CONTROLS.sub("", text)
    return repair(text)[0]


_LINK_SCHEMES = frozenset({"http", "https"})


def web_link(url: Any) -> str | None:
    """`url` if it is an http(s) URL with a host and nothing a browser would strip or reinterpret."""
    if not isinstance(url, str):
        return None
    candidate = url.strip()
    if not candidate or any(c.isspace() for c in candidate) or _CONTROLS.search(candidate) or _SURROGATE.search(candidate):
        return None
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in _LINK_SCHEMES or not parts.netloc:
        return None
    return candidate
