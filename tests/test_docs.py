"""The documentation keeps up with the code: every command has help and is in the README."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_has_help_with_an_example_and_is_in_the_readme(runner, name):
    result = runner.invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert len(main.commands[name].help or "") > 40
    assert re.search(rf"\bkg {name}\b", README), f"`kg {name}` is not shown in README.md"


def test_readme_starts_with_the_two_setup_commands():
    block = README.split("```bash\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert len(block) == 2
    assert "kg build examples/articles" in block[0] and "kg viz" in block[0]
    assert block[1] == "bash scripts/test.sh"
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert "scripts/test.sh" in ci
