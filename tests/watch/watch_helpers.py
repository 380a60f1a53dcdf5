"""Helpers of the watch tests: an RSS feed, GDELT export rows, a GDELT update listing."""

from __future__ import annotations

import hashlib
import io
import zipfile
from datetime import date


def rss(items: list[tuple[str, str, str]], published: str = "Tue, 21 Jan 2025 10:00:00 GMT") -> str:
    """An RSS feed of (guid, title, text) items; `published` is every item's pubDate, or an item may
    carry its own as a fourth element."""
    body = "".join(
        f"<item><guid>{item[0]}</guid><title>{item[1]}</title><link>https://news.example.org/{item[0]}</link>"
        f"<pubDate>{item[3] if len(item) > 3 else published}</pubDate><description>{item[2]}</description></item>"
        for item in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Example news</title>{body}</channel></rss>'


_SIDE = {"USA": ("USAGOV", "UNITED STATES"), "CHN": ("CHNGOV", "CHINA"), "RUS": ("RUSGOV", "RUSSIA")}


def gdelt_line(gid: int, day: date, source: str, target: str, *, cameo: str, goldstein: float, url: str) -> str:
    """One GDELT 2.0 export row (61 tab-separated columns) of an event between two of USA, CHN, RUS."""
    cells = [""] * 61
    cells[0], cells[1] = str(gid), day.strftime("%Y%m%d")
    cells[2], cells[3], cells[4] = day.strftime("%Y%m"), str(day.year), f"{day.year}.5000"
    for offset, code in ((5, source), (15, target)):
        full, name = _SIDE[code]
        cells[offset], cells[offset + 1], cells[offset + 2], cells[offset + 7] = full, name, code, "GOV"
    cells[25], cells[26], cells[27], cells[28] = "1", cameo, cameo[:3], cameo[:2]
    root = int(cameo[:2])
    cells[29] = "1" if root <= 5 else "2" if root <= 8 else "3" if root <= 13 else "4"
    cells[30], cells[31], cells[32], cells[33], cells[34] = f"{goldstein}", "1", "1", "1", "0"
    cells[59], cells[60] = day.strftime("%Y%m%d") + "120000", url
    return "\t".join(cells)


def export_zip(name: str, lines: list[str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr(name.removesuffix(".zip"), "\n".join(lines) + "\n")
    return buffer.getvalue()


def lastupdate(base: str, name: str, data: bytes) -> str:
    md5 = hashlib.md5(data, usedforsecurity=False).hexdigest()
    return (f"{len(data)} {md5} {base}/gdeltv2/{name}\n"
            f"123 0123456789abcdef0123456789abcdef {base}/gdeltv2/{name.replace('export', 'mentions')}\n")
