"""Property tests: whatever a file holds, loading it raises StretchError or nothing, fast."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stretch.catalogue.load import builtin_dir, catalogue_files, read_file
from stretch.catalogue.merge import merge
from stretch.catalogue.parse import parse_yaml
from stretch.catalogue.schema import ITEM_KEYS, MOVE_KEYS, ROUTINE_KEYS, read_document
from stretch.errors import StretchError

MOMENT = 0.5  # seconds: "never more than a moment"
BUILTIN = [read_file(p, source="built-in") for p in catalogue_files(builtin_dir())]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=30),
    st.sampled_from(["stretch", "exercise", "gluteal", "supine", "figure-four", "rest", "yes"]),
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=5),
                            st.dictionaries(st.text(max_size=12), inner, max_size=5)),
    max_leaves=30,
)


def load_text(text: str) -> None:
    """Parse, validate and merge over the built-ins; only StretchError may escape."""
    started = time.perf_counter()
    try:
        content = read_document(parse_yaml(text, "random.yaml"), "random.yaml", "random.yaml")
        merge(BUILTIN, [content])
    except StretchError as err:
        assert "\n" not in err.message
        assert err.message.startswith("random.yaml:")
    assert time.perf_counter() - started < MOMENT


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_text(text: str) -> None:
    load_text(text)


@settings(max_examples=300, deadline=None)
@given(documents)
def test_any_yaml_document(document: Any) -> None:
    load_text(yaml.safe_dump(document, allow_unicode=True))


ids = st.one_of(st.sampled_from(["figure-four", "my-move", "glute-bridge", "Bad_Id", "x"]),
                st.from_regex(r"[a-z][a-z0-9-]{0,15}", fullmatch=True))
moves = st.dictionaries(
    ids,
    st.dictionaries(st.sampled_from([*MOVE_KEYS, "junk"]), documents, max_size=len(MOVE_KEYS)),
    max_size=4,
)
items = st.lists(st.dictionaries(st.sampled_from([*ITEM_KEYS, "extra"]), documents, max_size=4),
                 max_size=4)
routines = st.dictionaries(
    ids,
    st.fixed_dictionaries({"title": scalars, "items": items},
                          optional={k: documents for k in ROUTINE_KEYS if k not in ("title", "items")}),
    max_size=3,
)
catalogues = st.fixed_dictionaries(
    {}, optional={"moves": moves, "routines": routines,
                  "week": st.dictionaries(st.sampled_from(["mon", "tue", "sun", "funday"]), ids),
                  "avoid": st.dictionaries(ids, st.dictionaries(st.text(max_size=8), documents))},
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogues)
def test_any_mapping_of_the_catalogue_shape(document: dict[str, Any]) -> None:
    load_text(yaml.safe_dump(document, allow_unicode=True))


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_in_a_file(tmp_path_factory: Any, data: bytes) -> None:
    path: Path = tmp_path_factory.mktemp("bytes") / "random.yaml"
    path.write_bytes(data)
    try:
        merge(BUILTIN, [read_file(path)])
    except StretchError as err:
        assert "\n" not in err.message
