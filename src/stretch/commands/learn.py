"""`learn`: the notes on back pain, one topic or the list of them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from stretch.commands.common.basics import catalogue_or_builtin

if TYPE_CHECKING:
    from stretch.output import Terminal


def learn(term: Terminal, topic: str | None) -> None:
    """The list of topics, or one topic; an unknown one is a usage error with the closest
    ids. Your own files' notes are used; if one is broken, the built-in notes (with a
    line to say so): what to do in a flare-up, and when to get help, must always show."""
    from stretch.errors import UnknownName, UsageProblem
    from stretch.views.learn import topic_view, topics_view

    notes = catalogue_or_builtin(term).notes
    if notes is None or not notes.learn:
        raise UsageProblem("there are no notes to learn from in the catalogue")
    boxed = term.stdout_tty and not term.boxless
    if topic is None:
        term.show(topics_view(notes, boxed=boxed))
        return
    if notes.topic(topic) is None:
        raise UnknownName("topic", topic, [t.id for t in notes.learn])
    term.show(topic_view(notes, topic, boxed=boxed))
