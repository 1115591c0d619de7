"""`stretch learn`: short notes on back pain in plain words, and the list of them.

The coach shows a topic too, the flare-up plan: `topic(known, "flare-up", boxed=...)`
(None when the catalogue has no such topic), or `topic_view(notes, "flare-up",
boxed=...)`. Boxed in a terminal; without a box for `--plain`, a pipe and TERM=dumb.
"""

from __future__ import annotations

from rich import box
from rich.console import Group as Stack
from rich.console import RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from stretch.model import Catalogue, Notes
from stretch.views.safety import bullets, safety_lines

TITLE = "Learn about your back"
HOW = "Read one with `stretch learn TOPIC`, such as `stretch learn flare-up`."


def topics_view(notes: Notes, *, boxed: bool = True) -> RenderableType:
    """Each topic's id, what `stretch learn` takes, beside the line that sums it up."""
    rows = Table.grid(padding=(0, 2))
    rows.add_column(style="bold", no_wrap=True)
    rows.add_column()
    for topic in notes.learn:
        rows.add_row(topic.id, Text(topic.summary))
    if not boxed:
        return Stack(Text(TITLE, style="bold"), rows, Text(""), Text(HOW))
    return Stack(Panel(rows, title=TITLE, expand=False, box=box.ROUNDED), Text(HOW))


def topic_view(notes: Notes, topic_id: str, *, boxed: bool = True) -> RenderableType:
    """One topic: its title, then each paragraph, a list of points as bullets, and the
    whole safety note after it for a topic that asks for it. KeyError for an id that is
    not a topic (`stretch learn` checks first, with suggestions)."""
    topic = notes.topic(topic_id)
    if topic is None:
        raise KeyError(topic_id)
    parts: list[RenderableType] = []
    for paragraph in topic.body:
        if parts:
            parts.append(Text(""))
        parts.append(bullets(paragraph) if isinstance(paragraph, tuple) else Text(paragraph))
    if topic.safety:
        parts += [Text(""), *safety_lines(notes)]
    if not boxed:
        return Stack(Text(topic.title, style="bold"), Text(""), *parts, Text(""))
    return Panel(Stack(*parts), title=topic.title, expand=False, box=box.ROUNDED)



def topic(known: Catalogue, topic_id: str, *, boxed: bool = True) -> RenderableType | None:
    """One topic of the catalogue's notes, or None when it has no such topic."""
    notes = known.notes
    if notes is None or notes.topic(topic_id) is None:
        return None
    return topic_view(notes, topic_id, boxed=boxed)
