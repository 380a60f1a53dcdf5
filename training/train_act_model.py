"""Train the learned layer (events/model.py) on our own labels and write it as ONNX with its card.

    .venv/bin/python training/train_act_model.py [--seed 13] [--check] [--workers N]

Data: training/labels/*.jsonl, real sentences and news items from ../shared/corpora (wh_briefings,
rss_world_2026-01) that we labelled by ../shared/eval/realnews_codebook.md. A label line holds ids and
annotations only: {"key", "corpus", "doc_id", "start", "end", "events": [{"source", "target", "plover"}]};
the text is read from the corpus at training time. Nothing under ../shared/eval and no seed is read.

Each document is coded by the rules (the learned layer off); every event with a target is a candidate. Its
label is the PLOVER type the unit's labels give its pair of states (`gold_type`), or NONE: the model learns
whether the pair acts and how. A candidate counts as right when, read with the model's type, the unit's
labels hold the same (source, target, class) act, with the real-news scorer's conventions (REQUEST a class
of its own, CONSULT/AGREE/COOPERATE either direction). One document in five
(by a hash of its id) is held out and only scored. On the rest, 5-fold cross-validation grouped by document
chooses the model (logistic regression or a one-layer MLP, and its regularisation) and the probability
threshold; the CV figures, the held-out figures and a reliability table go into the card. `--check`
trains and reports without writing the model.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "training"))
SHARED = ROOT.parent / "shared"
CORPORA = {"wh": SHARED / "corpora" / "wh_briefings.jsonl.gz", "rss": SHARED / "corpora" / "rss_world_2026-01.jsonl.gz"}
LABELS = ROOT / "training" / "labels"
def is_heldout(doc_id: str) -> bool:
    return int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) % 5 == 0


def load_labels(folder: Path = LABELS) -> list[dict]:
    units = []
    for path in sorted(folder.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                rec = json.loads(line)
                rec["where"] = f"{path.name}:{n}"
                if not rec.get("unsure"):  # a unit the labeller could not decide teaches nothing
                    units.append(rec)
    if not units:
        sys.exit(f"no labels under {folder}")
    return units


def load_texts(units: list[dict]) -> dict[tuple[str, str], dict]:
    wanted: dict[str, set[str]] = {}
    for u in units:
        wanted.setdefault(u["corpus"], set()).add(u["doc_id"])
    out = {}
    for corpus, ids in wanted.items():
        path = CORPORA[corpus]
        if not path.exists():
            sys.exit(f"{path} is missing: training reads the labelled texts from ../shared/corpora")
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                if rec.get("id") in ids:
                    out[(corpus, rec["id"])] = rec
    missing = {(u["corpus"], u["doc_id"]) for u in units} - out.keys()
    if missing:
        sys.exit(f"{len(missing)} labelled documents are not in the corpora, e.g. {sorted(missing)[0]}")
    return out


def candidates(units: list[dict], texts: dict, coder, *, workers: int = 1) -> dict[str, list]:
    """Every rule-made event with a target inside a labelled unit, its label, document and unit (`workers` > 1
    parses in that many processes; the rules run in this one)."""
    from multipolar.actors.issuer import issuer_of
    from multipolar.events.model import act_key, applies

    by_doc: dict[tuple[str, str], list[dict]] = {}
    for u in units:
        by_doc.setdefault((u["corpus"], u["doc_id"]), []).append(u)
    idents = sorted(by_doc)
    published = []
    for ident in idents:
        raw = texts[ident].get("published") or texts[ident].get("date")
        published.append(date.fromisoformat(raw[:10]) if raw else None)
    out: dict[str, list] = {"events": [], "labels": [], "types": [], "groups": [], "owners": [], "n_sentences": [],
                            "context": []}
    start = time.perf_counter()
    # the whole document is coded, as at run time: the features count the document's sentences and the other
    # sentences naming the same pair (a document cut after its last labelled unit would count fewer)
    parsed = coder.pipeline.parse((texts[ident]["text"] for ident in idents), n_process=workers)
    for n, (ident, pub, doc) in enumerate(zip(idents, published, parsed, strict=True), 1):
        issuer = issuer_of(url=texts[ident].get("url"), outlet=texts[ident].get("outlet"))  # rule issuer.site
        doc_events = coder.code_doc(doc, doc_id=ident[1], published=pub, issuer=issuer)
        context = [e for e in doc_events if applies(e)]  # what the model scores in this document at run time
        n_sentences = sum(1 for _ in doc.sents)
        for u in by_doc[ident]:
            gold = {act_key(e["source"], e["target"], e["plover"]) for e in u["events"]}
            for event in doc_events:
                if not applies(event) or not (u["start"] <= event.span[0] < u["end"]):
                    continue
                out["events"].append(event)
                out["labels"].append(int(act_key(event.source, event.target or "", event.plover, event.quad) in gold))
                out["types"].append(gold_type(event, u["events"]))
                out["groups"].append(ident[1])
                out["owners"].append(u)
                out["n_sentences"].append(n_sentences)
                out["context"].append(context)
        if n % 100 == 0:
            print(f"  coded {n}/{len(idents)} documents ({time.perf_counter() - start:.0f} s)", file=sys.stderr)
    return out


def gold_type(event, labelled: list[dict]) -> str:
    """The PLOVER type the unit's labels give the candidate's pair (either direction for a symmetric type),
    NONE when they give it none; of several, the one of the rules' class first."""
    from multipolar.events.model import NO_ACT, SYMMETRIC, act_key

    pair = (event.source[:3], (event.target or "")[:3])
    kinds = [e["plover"].upper() for e in labelled
             if (e["source"], e["target"]) == pair
             or (e["plover"].upper() in SYMMETRIC and (e["target"], e["source"]) == pair)]
    if not kinds:
        return NO_ACT
    rules_class = act_key(event.source, event.target or "", event.plover, event.quad)[2]
    return next((k for k in kinds if act_key("A", "B", k)[2] == rules_class), kinds[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--check", action="store_true", help="train and report; write nothing")
    parser.add_argument("--labels", type=Path, default=LABELS, help="folder of label files (default training/labels)")
    parser.add_argument("--workers", type=int, default=1, help="processes that parse the labelled documents (default 1)")
    args = parser.parse_args()
    from fit import fit_and_export

    from multipolar.events.coder import EventCoder
    from multipolar.settings import Settings

    units = load_labels(args.labels)
    texts = load_texts(units)
    coder = EventCoder(Settings(event_model=False))
    found = candidates(units, texts, coder, workers=args.workers)
    print(f"{len(units)} labelled units, {len(found['events'])} candidates ({sum(found['labels'])} positive)",
          file=sys.stderr)
    fit_and_export(found, units=units, seed=args.seed, write=not args.check, is_heldout=is_heldout)


if __name__ == "__main__":
    main()
