"""What we print cannot drive the terminal, and the ONNX runtime sends no telemetry."""

from __future__ import annotations

import io

import pytest

from multipolar.output import emit

HOSTILE = "Jane\x1b]0;owned\x07 Doe\x1b[2J\x9b31m\x07"


@pytest.mark.parametrize("fmt", ["table", "csv"])
def test_escape_sequences_in_author_outlet_title_are_removed(fmt):
    out = io.StringIO()
    emit(["author", "outlet", "title"], [(HOSTILE, "Wire\x1b[31m", "Head\rline\x00")], fmt=fmt, stream=out)
    text = out.getvalue()
    assert not any(c in text for c in "\x1b\x07\x9b\x00\r" if not (fmt == "csv" and c == "\r"))
    assert "Jane Doe" in text and "Wire" in text and "Headline" in text


def test_embedder_turns_onnxruntime_telemetry_off(monkeypatch):
    import onnxruntime

    from multipolar.embeddings import Embedder

    calls = []
    monkeypatch.setattr(onnxruntime, "disable_telemetry_events", lambda: calls.append(1))
    Embedder()
    assert calls
