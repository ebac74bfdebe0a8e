from __future__ import annotations

import pytest

from bot.commands import Command, CommandName, parse_command


@pytest.mark.parametrize("text, expected", [
    ("help", Command(CommandName.HELP)),
    ("  My Reflections ", Command(CommandName.MY_REFLECTIONS)),
    ("delete GAP-123", Command(CommandName.DELETE, 123)),
    ("Delete gap 7", Command(CommandName.DELETE, 7)),
    ("reflect", Command(CommandName.REFLECT)),
    ("delete the homecare gap", None),
    ("no help available for carers in Moston", None),
])
def test_parse_command(text: str, expected: Command | None) -> None:
    assert parse_command(text) == expected
