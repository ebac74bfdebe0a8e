"""Commands a practitioner can type anywhere in the conversation."""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class CommandName(Enum):
    HELP = "help"
    MY_REFLECTIONS = "my reflections"
    DELETE = "delete"
    REFLECT = "reflect"


@dataclass(frozen=True)
class Command:
    name: CommandName
    reflection_id: int | None = None


_WORDS = {
    "help": CommandName.HELP, "?": CommandName.HELP, "what can you do": CommandName.HELP,
    "hi": CommandName.HELP, "hello": CommandName.HELP, "hey": CommandName.HELP,
    "my reflections": CommandName.MY_REFLECTIONS, "my entries": CommandName.MY_REFLECTIONS,
    "list": CommandName.MY_REFLECTIONS,
    "reflect": CommandName.REFLECT, "new reflection": CommandName.REFLECT,
}
_DELETE = re.compile(r"^delete\s+gap[-\s]?(\d{1,12})$")


def parse_command(text: str) -> Command | None:
    """The command a message is, or None if it is free text (a reflection or an answer)."""
    typed = re.sub(r"\s+", " ", text.strip().lower()).rstrip(".!")
    if typed in _WORDS:
        return Command(_WORDS[typed])
    match = _DELETE.match(typed)
    if match:
        return Command(CommandName.DELETE, int(match.group(1)))
    return None
