"""Long fuzz run: generated and mutated inputs through every reader and cleaner.

    python benchmarks/bench_fuzz.py [--n 100000] [--seed 0] [--slowest 10] [--alarm 60] [--minutes M]

Each input goes to one target (round robin): the JSON, JSON lines (plain and gzip), CSV and feed
readers, byte decoding, the text, HTML (file and JSON field) and container cleaners, normalisation, date finding and the
GDELT row parser. A target may raise `InputError` (it becomes a stored rejection); anything else is
an uncaught exception, counted by (target, kind) with the first input that raised it saved under
--out. The run prints the counts and the slowest inputs (target, size, CPU seconds of this process,
so that other work on the machine does not count); an input running past --alarm seconds of wall
time is stopped and counted as a hang. With --minutes the run stops after that much wall time and
reports how many of the --n inputs it ran (the same first inputs as a longer run with the same seed).

Seeds are small documents invented here; mutations flip, insert, delete and repeat bytes, splice in
hostile tokens (impossible character references, lone-surrogate escapes, deep nesting, undeclared
namespace prefixes, BOMs, NULs, control characters) and sometimes blow a piece up to a large size.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import signal
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from multipolar.clean.stage import Cleaner
from multipolar.errors import InputError
from multipolar.records import RawDocument
from multipolar.settings import Settings

ARTICLE = (
    "Officials from Kenya and Ghana met in Accra on Monday, 3 March 2025, to discuss cocoa shipping.\n\n"
    "By Jane Doe | Wire Service\n\n"
    "The ministers agreed to cut port fees by 12% and to meet again in Nairobi next month, a spokesman said.\n"
    "Share this article\nRelated: Markets\n"
)
HTML = (
    "<!doctype html><html lang='en'><head><title>Cocoa talks</title>"
    "<meta property='article:published_time' content='2025-03-03T10:00:00Z'>"
    "<link rel='canonical' href='https://example.org/2025/03/03/cocoa'>"
    "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \"Cocoa talks\", "
    "\"datePublished\": \"2025-03-03\", \"author\": {\"name\": \"Jane Doe\"}}</script></head>"
    "<body><nav>Home | World</nav><article><h1>Cocoa talks</h1><p>Officials from Kenya and Ghana met in "
    "Accra on Monday to discuss cocoa shipping.</p><p>The ministers agreed to cut port fees by 12%.</p>"
    "</article><footer>(c) Example</footer></body></html>"
)
FEED = (
    "<?xml version='1.0' encoding='utf-8'?><rss version='2.0' xmlns:dc='http://purl.org/dc/elements/1.1/'>"
    "<channel><title>Wire</title><item><title>Cocoa talks</title><link>https://example.org/a</link>"
    "<pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate><dc:creator>Jane Doe</dc:creator>"
    "<description>Officials from Kenya and Ghana met in Accra.</description></item>"
    "<item><title>Port fees</title><content:encoded><![CDATA[<p>Fees cut by 12%.</p>]]></content:encoded>"
    "</item></channel></rss>"
)
ATOM = (
    "<feed xmlns='http://www.w3.org/2005/Atom'><title>Wire</title><entry><title>Cocoa</title>"
    "<link href='https://example.org/b'/><updated>2025-03-03T10:00:00Z</updated>"
    "<content type='html'>&lt;p&gt;Officials met in Accra.&lt;/p&gt;</content></entry></feed>"
)
JSON_RECORD = json.dumps(
    {"id": "a1", "title": "Cocoa talks", "url": "https://example.org/a", "published": "2025-03-03",
     "outlet": "Wire", "author": "Jane Doe", "text": ARTICLE, "tags": ["trade", {"k": [1, 2.5, None]}]}
)
CSV = 'id,title,published,text\n1,Cocoa talks,2025-03-03,"Officials met in Accra, Ghana."\n2,Fees,,"Fees cut by 12%."\n'
GDELT = "\t".join(
    ["1", "20250303", "202503", "2025", "2025.1644", "KEN", "KENYA", "KEN"] + [""] * 7
    + ["GHA", "GHANA", "GHA"] + [""] * 7
    + ["1", "040", "040", "04", "1", "1.0", "3", "1", "3", "2.5"] + [""] * 24 + ["20250303", "https://example.org/a"]
)
SEEDS = {
    "text": ARTICLE, "html": HTML, "feed": FEED, "atom": ATOM, "json": JSON_RECORD, "csv": CSV, "gdelt": GDELT,
}
TOKENS = [
    "&#xd800;", "&#x110000;", "&#0;", "&#99999999999;", "\\ud800", "\\udfff", "\\u0000", "[" * 200, "{\"a\":" * 80,
    "<dc:x>", "<undeclared:item>", "]]>", "<![CDATA[", "\ufeff", "\x00", "\x1b[31m", "\r", "\u2028", "\ud800",
    "<script>", "javascript:alert(1)", "http://127.0.0.1/", "9999-99-99", "0000-00-00", "31/02/2025",
    "\"", ",", "\t", "\n\n\n", "<br>" * 30, "&amp;" * 10, "<p>" * 50, "Ω", "你好", "\U0001F600", "&lt;", "%",
]


def mutate(rng: random.Random, text: str) -> bytes:
    """One mutated input: text edits, then sometimes byte-level damage or an encoding change."""
    chars = list(text)
    for _ in range(rng.randint(1, 8)):
        op = rng.random()
        pos = rng.randint(0, len(chars))
        if op < 0.35:
            chars[pos:pos] = list(rng.choice(TOKENS))
        elif op < 0.5 and chars:
            del chars[pos : pos + rng.randint(1, 40)]
        elif op < 0.6 and chars:
            piece = chars[pos : pos + rng.randint(1, 60)]
            chars[pos:pos] = piece * rng.randint(2, 20)
        elif op < 0.605:
            token = rng.choice(TOKENS)
            chars[pos:pos] = list(token * rng.randint(100, max(100, 200_000 // len(token))))  # a large run
        elif op < 0.75:
            chars = chars[: rng.randint(0, len(chars))]  # truncated
        elif op < 0.85:
            other = SEEDS[rng.choice(list(SEEDS))]
            cut = rng.randint(0, len(other))
            chars[pos:pos] = list(other[cut : cut + rng.randint(1, 200)])  # spliced from another format
        else:
            chars[pos:pos] = [chr(rng.choice([rng.randint(0, 0x7F), rng.randint(0x80, 0xFFFF), rng.randint(0x10000, 0x10FFFF)]))]
    out = "".join(chars)
    encoding = rng.choices(["utf-8", "utf-16", "utf-16-le", "cp1252", "latin-1"], weights=[85, 4, 4, 4, 3])[0]
    data = out.encode(encoding, "surrogatepass" if encoding.startswith("utf") else "replace")
    if rng.random() < 0.15:
        data = bytearray(data)
        for _ in range(rng.randint(1, 10)):
            if data:
                data[rng.randrange(len(data))] = rng.randrange(256)
        data = bytes(data)
    return data


def _settings() -> Settings:
    return Settings(max_json_depth=32, max_decompressed_bytes=20_000_000)


def targets() -> dict[str, tuple[str, Callable[[bytes], Any]]]:
    """name -> (seed kind, function of the input bytes); each drains what it produces."""
    from multipolar.clean.dates import find_date
    from multipolar.clean.decode import decode
    from multipolar.clean.normalize import normalize
    from multipolar.clean.text import clean_text
    from multipolar.interop.gdelt import parse_gdelt_row
    from multipolar.sources import containers, feeds

    settings = _settings()
    cleaner = Cleaner(settings)

    def text_of(raw: bytes) -> str:
        return raw.decode("utf-8", "surrogateescape")

    def jsonl(raw: bytes) -> Any:
        return list(containers.read_jsonl_stream("fuzz.jsonl", io.BytesIO(raw), settings, compressed=False))

    def jsonl_gz(raw: bytes) -> Any:
        packed = gzip.compress(raw, compresslevel=1)
        if len(packed) > 40:  # damage the compressed stream itself now and then
            packed = packed[: len(packed) - (raw[0] % 3 if raw else 0)]
        return list(containers.read_jsonl_stream("fuzz.jsonl.gz", gzip.GzipFile(fileobj=io.BytesIO(packed)), settings, compressed=True))

    def clean_container(raw: bytes) -> Any:
        docs = list(containers.read_jsonl_stream("fuzz.jsonl", io.BytesIO(raw), settings, compressed=False))
        return [cleaner.clean(d) for d in docs if isinstance(d, RawDocument)]

    def clean_feed(raw: bytes) -> Any:
        items = feeds.read_feed("fuzz.xml", raw, max_tags=settings.max_markup_tags)
        return [cleaner.clean(d) for d in items if isinstance(d, RawDocument)]

    return {
        "read_json": ("json", lambda raw: list(containers.read_json("fuzz.json", raw, settings))),
        "read_jsonl": ("json", jsonl),
        "read_jsonl_gz": ("json", jsonl_gz),
        "read_csv": ("csv", lambda raw: list(containers.read_csv("fuzz.csv", raw, settings))),
        "read_feed": ("feed", lambda raw: list(feeds.read_feed("fuzz.xml", raw, max_tags=settings.max_markup_tags))),
        "read_atom": ("atom", lambda raw: list(feeds.read_feed("fuzz.atom", raw, max_tags=settings.max_markup_tags))),
        "decode": ("text", lambda raw: decode(raw, declared=None, source_uri="fuzz.txt")),
        "decode_declared": ("html", lambda raw: decode(raw, declared=raw[:12].decode("latin-1"), source_uri="fuzz")),
        "clean_txt": ("text", lambda raw: cleaner.clean(RawDocument("fuzz.txt", raw, "txt"))),
        "clean_md": ("text", lambda raw: cleaner.clean(RawDocument("fuzz.md", raw, "md"))),
        "clean_html": ("html", lambda raw: cleaner.clean(RawDocument("fuzz.html", raw, "html"))),
        "clean_json": ("json", clean_container),
        "clean_feed_item": ("feed", clean_feed),
        "clean_text": ("text", lambda raw: clean_text(text_of(raw), title="Cocoa talks")),
        "clean_html_field": ("html", lambda raw: cleaner.clean(
            RawDocument("fuzz.jsonl:1", raw, "json", {"html": text_of(raw), "url": "https://example.org/x"}))),
        "normalize": ("text", lambda raw: normalize(text_of(raw))),
        "find_date": ("text", lambda raw: find_date(text_of(raw))),
        "gdelt_row": ("gdelt", lambda raw: parse_gdelt_row(text_of(raw), where="fuzz:1")),
    }


class _Hang(Exception):
    pass


def _alarm(_signum: int, _frame: Any) -> None:
    raise _Hang


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--slowest", type=int, default=10)
    parser.add_argument("--alarm", type=int, default=60, help="seconds before one input counts as a hang")
    parser.add_argument("--minutes", type=float, default=0, help="stop after this much wall time (0 = run all --n)")
    parser.add_argument("--out", default="benchmarks/out/fuzz", help="folder for the inputs that crashed or were slowest")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    table = targets()
    # a clean worker loads dateparser's locale tables and the language model once, before its first
    # non-text batch (`Cleaner.warm_up`); so does this run, and that one-off cost is printed on its own
    begin = time.process_time()
    Cleaner(Settings()).warm_up()
    warm_up = time.process_time() - begin
    names = list(table)
    crashes: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], tuple[bytes, str]] = {}
    timings: list[tuple[float, str, int, int, bytes]] = []  # (seconds, target, size, index, input)
    over_5s = 0
    per_target = Counter()
    signal.signal(signal.SIGALRM, _alarm)
    started = time.perf_counter()
    done = 0
    for index in range(args.n):
        if args.minutes and time.perf_counter() - started > args.minutes * 60:
            break
        done += 1
        name = names[index % len(names)]
        kind, function = table[name]
        raw = mutate(rng, SEEDS[kind]) if rng.random() < 0.9 else SEEDS[kind].encode()
        per_target[name] += 1
        begin = time.process_time()
        signal.alarm(args.alarm)
        try:
            function(raw)
        except InputError:
            pass
        except _Hang:
            crashes[(name, "hang")] += 1
            first.setdefault((name, "hang"), (raw, f"ran past {args.alarm} s"))
        except Exception as exc:  # what the fuzz run is looking for
            key = (name, type(exc).__name__)
            crashes[key] += 1
            first.setdefault(key, (raw, traceback.format_exc(limit=-4)))
        finally:
            signal.alarm(0)
        seconds = time.process_time() - begin  # CPU seconds: other processes on the machine do not count
        over_5s += seconds > 5
        timings.append((seconds, name, len(raw), index, raw))
        if len(timings) > 4 * args.slowest:
            timings.sort(key=lambda t: t[0], reverse=True)
            del timings[args.slowest :]
        if (index + 1) % 5000 == 0:
            elapsed = time.perf_counter() - started
            print(f"{index + 1:,} inputs, {sum(crashes.values())} uncaught, {elapsed:.0f} s", file=sys.stderr, flush=True)
    elapsed = time.perf_counter() - started
    timings.sort(key=lambda t: t[0], reverse=True)
    slowest = timings[: args.slowest]

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for (name, kind), (raw, trace) in first.items():
        (out / f"crash-{name}-{kind}.bin").write_bytes(raw)
        (out / f"crash-{name}-{kind}.txt").write_text(trace, encoding="utf-8")
    for rank, (_seconds, name, _size, _index, raw) in enumerate(slowest, 1):
        (out / f"slow-{rank:02d}-{name}.bin").write_bytes(raw)

    stopped = f" (stopped after {args.minutes:g} min, of --n {args.n:,})" if done < args.n else ""
    print(f"inputs: {done:,}{stopped} over {len(names)} targets ({done // len(names):,}+ each), seed {args.seed}, "
          f"{elapsed:.0f} s")
    print(f"warm-up before the first input (once per process, as a clean worker does): {warm_up:.2f} CPU-s")
    print(f"uncaught exceptions: {sum(crashes.values())}")
    for (name, kind), count in crashes.most_common():
        print(f"  {count:6d}  {name}: {kind}")
    print("slowest inputs:")
    for seconds, name, size, index, _raw in slowest:
        print(f"  {seconds:8.3f} s  {name:16s} {size:>9,} bytes  (input #{index})")
    print(f"inputs over 5 s: {over_5s}")


if __name__ == "__main__":
    main()
