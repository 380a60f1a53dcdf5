"""Run the CLI in-process for a test: (exit code, stdout, stderr)."""

import pytest

from multipolar.cli import main


def run(argv, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
        raise SystemExit(0)
    captured = capsys.readouterr()
    return exit_info.value.code or 0, captured.out, captured.err
