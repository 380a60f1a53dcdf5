"""Folder ingest stays inside the folder: a symbolic link out of it is a rejection unless allowed."""

from __future__ import annotations

from multipolar.records import RawDocument, Rejection
from multipolar.settings import Settings
from multipolar.sources import read_inputs

TEXT = "Officials from Kenya and Ghana met in Accra on Monday to discuss a new shipping agreement.\n"


def _layout(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("token=invented-credential " * 5)
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text(TEXT)
    (folder / "sub" / "leak.txt").symlink_to(outside / "secret.txt")
    (folder / "inside-link.txt").symlink_to(folder / "good.txt")
    return folder


def test_a_link_out_of_the_folder_is_a_rejection_and_nothing_of_it_is_read(tmp_path):
    items = list(read_inputs([str(_layout(tmp_path))], Settings()))
    rejected = [i for i in items if isinstance(i, Rejection)]
    assert [(r.code, r.source_uri.rsplit("/", 1)[1]) for r in rejected] == [("outside_folder", "leak.txt")]
    assert all(b"invented-credential" not in i.raw for i in items if isinstance(i, RawDocument))


def test_a_link_inside_the_folder_is_read(tmp_path):
    items = list(read_inputs([str(_layout(tmp_path))], Settings()))
    names = sorted(i.source_uri.rsplit("/", 1)[1] for i in items if isinstance(i, RawDocument))
    assert names == ["good.txt", "inside-link.txt"]


def test_the_setting_follows_links_out_of_the_folder(tmp_path):
    items = list(read_inputs([str(_layout(tmp_path))], Settings(follow_symlinks=True)))
    assert not [i for i in items if isinstance(i, Rejection)]
    assert any(b"invented-credential" in i.raw for i in items if isinstance(i, RawDocument))


def test_a_linked_folder_pointing_out_is_not_walked(tmp_path):
    folder = _layout(tmp_path)
    (folder / "elsewhere").symlink_to(tmp_path / "outside", target_is_directory=True)
    items = list(read_inputs([str(folder)], Settings()))
    assert all(b"invented-credential" not in i.raw for i in items if isinstance(i, RawDocument))
    assert sorted(r.source_uri.rsplit("/", 1)[1] for r in items if isinstance(r, Rejection)) == ["elsewhere", "leak.txt"]
