"""Validate a catalogue file's `notes`: why the hips, the safety note at its three levels
of red flags, and the topics `stretch learn` shows. Each key is optional, so a user file
gives only what it changes.
"""

from __future__ import annotations

from stretch.catalogue.drafts import DraftNotes
from stretch.catalogue.nodes import Node, Reader
from stretch.model import LearnTopic, Paragraph, SafetyNote

NOTES_KEYS = ("why-hips", "safety", "learn")
SAFETY_KEYS = ("emergency", "see-a-doctor", "get-checked", "summary", "stop")
SAFETY_REQUIRED = ("emergency", "see-a-doctor", "stop")
LEARN_KEYS = ("title", "summary", "body", "safety")
FLAGS = 16  # the most red flags at one level
PARAGRAPHS = 20  # the most paragraphs in a learn topic, and points in a list


def read_notes(reader: Reader, node: Node) -> DraftNotes:
    """`notes`: each key optional (a user file gives only what it changes)."""
    n = reader.mapping(node, "notes", allowed=NOTES_KEYS)
    return DraftNotes(
        where=reader.where(node, "notes"),
        why_hips=reader.optional_text(n, "why-hips", "notes.why-hips"),
        safety=_read_safety(reader, n["safety"]) if "safety" in n else None,
        learn=_read_learn(reader, n["learn"]) if "learn" in n else (),
    )


def _read_safety(reader: Reader, node: Node) -> SafetyNote:
    s = reader.mapping(node, "notes.safety", allowed=SAFETY_KEYS, required=SAFETY_REQUIRED)
    at = "notes.safety"
    return SafetyNote(
        emergency=reader.text_list(s["emergency"], f"{at}.emergency", low=1, high=FLAGS),
        see_a_doctor=reader.text_list(s["see-a-doctor"], f"{at}.see-a-doctor", low=1,
                                      high=FLAGS),
        get_checked=reader.text_list(s.get("get-checked"), f"{at}.get-checked", low=1,
                                     high=FLAGS),
        summary=reader.optional_text(s, "summary", f"{at}.summary"),
        stop=reader.text(s["stop"], f"{at}.stop"),
    )


def _read_learn(reader: Reader, node: Node) -> tuple[LearnTopic, ...]:
    """`notes.learn`: topic id -> title, summary (its line in the list), body (paragraphs,
    each text or a list of short points) and `safety` (the safety note follows)."""
    topics = []
    for topic_id, _, body in reader.entries(node, "notes.learn"):
        at = f"notes.learn.{topic_id}"
        t = reader.mapping(body, at, allowed=LEARN_KEYS, required=("title", "summary", "body"))
        paragraphs = reader.items(t["body"], f"{at}.body")
        if len(paragraphs) > PARAGRAPHS:
            reader.fail(t["body"], f"{at}.body",
                        f"expected at most {PARAGRAPHS} paragraphs, got {len(paragraphs)}")
        topics.append(LearnTopic(
            id=topic_id,
            title=reader.text(t["title"], f"{at}.title"),
            summary=reader.text(t["summary"], f"{at}.summary"),
            body=tuple(_paragraph(reader, p, f"{at}.body[{i}]")
                       for i, p in enumerate(paragraphs)),
            safety=reader.boolean(t["safety"], f"{at}.safety") if "safety" in t else False,
        ))
    return tuple(topics)


def _paragraph(reader: Reader, node: Node, at: str) -> Paragraph:
    """A paragraph: text, or a list of short points."""
    if isinstance(node.value, list):
        return reader.text_list(node, at, low=1, high=PARAGRAPHS)
    return reader.text(node, at)
