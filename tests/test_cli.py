"""The command line as DESIGN.md's contract describes it: output, JSON shapes, exit codes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from stretch import __version__
from stretch.cli import app
from stretch.cli.app import ORDER
from stretch.cli.params import complete_move, complete_routine
from tests.conftest import write_user_file


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_version(runner: CliRunner) -> None:
    code, out, _ = run(runner, "--version")
    assert code == 0 and out.strip() == f"stretch {__version__}"


def test_list_shows_each_routine_with_minutes_and_source(runner: CliRunner) -> None:
    code, out, _ = run(runner, "list")
    assert code == 0
    for name in ("hip-reset", "desk-break", "core-and-hips", "full-session"):
        assert name in out
    assert "built-in" in out and "\x1b[" not in out


def test_list_json(runner: CliRunner) -> None:
    code, out, _ = run(runner, "list", "--json")
    rows = {r["name"]: r for r in json.loads(out)}
    assert code == 0
    assert set(rows["hip-reset"]) == {"name", "title", "summary", "minutes", "seconds", "groups", "source"}
    assert rows["hip-reset"]["groups"] == ["gluteal", "adductor", "psoas"]
    for name, row in rows.items():  # the person's own doses, as show (and the run) has them
        shown = json.loads(run(runner, "show", name, "--json")[1])
        assert row["seconds"] == shown["seconds"] and row["minutes"] == round(shown["seconds"] / 60)


def test_list_marks_a_user_replacement(runner: CliRunner, stretch_home: Path) -> None:
    path = write_user_file(
        stretch_home, "mine.yaml",
        "routines:\n  desk-break:\n    title: My break\n    items:\n      - move: side-lunge\n",
    )
    rows = {r["name"]: r for r in json.loads(run(runner, "list", "--json")[1])}
    assert rows["desk-break"]["source"] == f"{path} (replaces built-in)"
    assert rows["hip-reset"]["source"] == "built-in"


@pytest.mark.parametrize(("name", "shown"), [
    ("mine.yaml", "routines/mine.yaml"),  # named from the stretch folder, whole
    ("my-own-routines-for-the-dark-winter-mornings.yaml", "…"),  # too long: its middle goes
])
def test_list_names_a_users_file_on_one_line(runner: CliRunner, stretch_home: Path,
                                             monkeypatch: pytest.MonkeyPatch, name: str,
                                             shown: str) -> None:
    """At 80 columns a file's name is never broken across lines ('mine.ya' / 'ml')."""
    monkeypatch.setenv("COLUMNS", "80")
    write_user_file(stretch_home, name, "routines:\n  desk-break:\n    title: My break\n"
                    "    items:\n      - move: side-lunge\n")
    code, out, _ = run(runner, "list")
    lines = out.splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("desk-break "))
    where = lines[row].split()[-1]
    assert code == 0 and max(map(len, lines)) <= 80 and str(stretch_home) not in out
    assert shown in where and where.endswith(".yaml") and len(where) >= 12, where
    if shown == "…":
        assert where.startswith("my-own") and where.endswith("mornings.yaml")
    assert lines[row + 1].strip() == "(replaces built-in)"
    assert lines[row + 2].startswith("core-and-hips")  # nothing more of the path


def test_the_readmes_example_file_works_and_says_nothing_untrue(
        runner: CliRunner, stretch_home: Path) -> None:
    """A new user copies it first: it validates, and its summary states no minutes (the
    time is the person's own, at their doses: `list` and `show` give it)."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    example = readme.split("## Writing your own routines", 1)[1].split("```yaml\n", 1)[1]
    path = write_user_file(stretch_home, "mine.yaml", example.split("```", 1)[0])
    code, out, _ = run(runner, "validate", str(path))
    assert code == 0 and f"ok  {path}" in out
    shown = json.loads(run(runner, "show", "morning", "--json")[1])
    assert not re.search(r"minute|\bmin\b", shown["summary"], re.I), shown["summary"]


def test_show_json_matches_the_contract(runner: CliRunner) -> None:
    code, out, _ = run(runner, "show", "hip-reset", "--json")
    data = json.loads(out)
    assert code == 0
    assert set(data) == {"name", "title", "summary", "seconds", "groups", "dose", "steps"}
    assert data["seconds"] == sum(s["seconds"] for s in data["steps"])
    assert all(set(s) == {"label", "move", "kind", "group", "side", "seconds", "hold", "reps",
                          "tempo", "set"} for s in data["steps"])
    assert data["steps"][0]["kind"] == "get-ready"
    kinds = {s["kind"] for s in data["steps"]}
    assert {"hold", "switch", "rest", "transition"} <= kinds
    for group in ("gluteal", "adductor", "psoas"):
        assert data["dose"][group]["left"] >= 60 and data["dose"][group]["right"] >= 60


def test_show_table(runner: CliRunner) -> None:
    code, out, _ = run(runner, "show", "desk-break")
    assert code == 0
    assert "Standing figure-four stretch" in out and "Switch sides" in out
    assert "target" in out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["show", "hip-rest"], "no routine named 'hip-rest'; did you mean hip-reset?"),
        (["moves", "figur-four"], "no move named 'figur-four'; did you mean figure-four"),
    ],
)
def test_unknown_names_exit_2_with_the_closest(runner: CliRunner, args: list[str], expected: str) -> None:
    code, out, err = run(runner, *args)
    assert code == 2
    assert out == ""
    assert err.startswith("stretch: error: " + expected)
    assert err.count("\n") == 1


def test_a_name_two_routines_answer_to_names_both(runner: CliRunner, stretch_home: Path) -> None:
    write_user_file(stretch_home, "mine.yaml", "routines:\n  my-hips:\n    title: Hip reset\n"
                    "    items:\n      - move: side-lunge\n")
    code, out, err = run(runner, "show", "hip reset")
    assert code == 2 and out == ""
    assert err == ("stretch: error: 'hip reset' could be the routine hip-reset or my-hips: "
                   "name the routine by one of those\n")
    assert run(runner, "show", "hip-reset")[0] == 0  # an id given exactly is the one answer


@pytest.mark.parametrize(("args", "line"), [
    (["sheet", "hip-reset", "--format", "pdf"],
     "Invalid value for '--format' / '-f': 'pdf' is not one of 'terminal', 'text', "
     "'markdown', 'html' (see 'stretch sheet --help')"),
    (["show", "hip-reset", "--minutes", "0"],
     "Invalid value for '--minutes': a number of minutes from 1 to 180, got 0 "
     "(see 'stretch show --help')"),
    (["show"], "Missing argument 'name' (see 'stretch show --help')"),
    (["bogus"], "No such command 'bogus' (see 'stretch --help')"),
    (["list", "--jsn"], "No such option: --jsn (Possible options: --json) "
     "(see 'stretch list --help')"),
])
def test_a_usage_error_is_one_line_naming_the_help(runner: CliRunner, args: list[str],
                                                   line: str) -> None:
    """Like every other error: not Click's usage block, nor a validation library's words."""
    code, out, err = run(runner, *args)
    assert (code, out, err) == (2, "", f"stretch: error: {line}\n")


@pytest.mark.parametrize(("group", "message"), [
    ("glutes", "no muscle group named 'glutes'; did you mean gluteal?"),
    ("legs", "no muscle group named 'legs'; known: adductor, core, gluteal, hip, psoas"),
])
def test_an_unknown_group_suggests_the_closest(runner: CliRunner, group: str,
                                               message: str) -> None:
    code, out, err = run(runner, "moves", "--group", group)
    assert (code, out) == (2, "")
    assert err == (f"stretch: error: Invalid value for '--group' / '-g': {message} "
                   "(see 'stretch moves --help')\n")


@pytest.mark.parametrize(("args", "message"), [
    (["show", "hip-reset", "--minutes", "0.5"], "'--minutes': a number of minutes from 1 to 180, "
                                                "got 0.5"),
    (["show", "hip-reset", "--minutes", "181"], "from 1 to 180, got 181"),
    (["show", "hip-reset", "--minutes", "ten"], "from 1 to 180, got 'ten'"),
    (["show", "hip-reset", "--minutes", "nan"], "from 1 to 180, got 'nan'"),
    (["history", "--weeks", "0"], "'--weeks': a number of weeks from 1 to 104, got 0"),
    (["history", "--weeks", "2.5"], "a number of weeks from 1 to 104, got '2.5'"),
    (["run", "hip-reset", "--speed", "0"], "'--speed': a speed from 0.001 to 1000, got 0"),
])
def test_numbers_out_of_range_say_what_is_wanted(runner: CliRunner, args: list[str],
                                                 message: str) -> None:
    code, out, err = run(runner, *args)
    assert code == 2 and out == ""
    assert err.startswith("stretch: error: Invalid value for ") and err.count("\n") == 1
    assert message in err and "Input should be" not in err


def test_numbers_at_their_limits_are_taken(runner: CliRunner) -> None:
    assert run(runner, "show", "hip-reset", "--minutes", "1")[0] == 0
    assert run(runner, "show", "hip-reset", "--minutes", "180")[0] == 0
    assert run(runner, "history", "--weeks", "104")[0] == 0


def test_choices_ignore_case(runner: CliRunner) -> None:
    code, out, _ = run(runner, "moves", "--group", "PSOAS")
    assert code == 0 and "couch-stretch" in out and "pigeon" not in out
    code, out, _ = run(runner, "sheet", "desk-break", "--format", "Markdown")
    assert code == 0 and out.startswith("# Desk break")


def test_moves_table_group_filter_and_detail(runner: CliRunner) -> None:
    code, out, _ = run(runner, "moves", "--group", "psoas")
    assert code == 0 and "half-kneeling-hip-flexor" in out and "figure-four" not in out
    code, out, _ = run(runner, "moves", "pigeon")
    assert code == 0 and "Pigeon stretch" in out and "Easier:" in out and "hip-reset" in out


def figure_four_holds(runner: CliRunner) -> list[float]:
    steps = json.loads(run(runner, "show", "evening-hips", "--json")[1])["steps"]
    return [s["seconds"] for s in steps
            if s["move"] == "seated-figure-four" and s["side"] == "left"]


def test_a_move_shows_its_dose_as_written_and_yours(runner: CliRunner,
                                                    stretch_home: Path) -> None:
    out = run(runner, "moves", "seated-figure-four")[1]
    assert "30 s x 2 as written; yours: 20 s x 3" in out  # was "30 s x 2", unqualified
    assert figure_four_holds(runner) == [20, 20, 20]  # what the session runs: the same
    (stretch_home / "config.toml").write_text("hold_scale = 1.5\n")
    out = run(runner, "moves", "seated-figure-four")[1]
    assert "30 s x 2 as written; yours: 30 s x 3" in out  # as the timer runs it
    assert figure_four_holds(runner) == [30, 30, 30]


def test_a_pyramid_card_says_its_sets_fall(runner: CliRunner) -> None:
    """The card shows one set; a routine runs the bird dog in falling sets (6, 4, 2), so
    the card says so rather than leave '5 reps' to be read as the whole dose."""
    out = " ".join(run(runner, "moves", "bird-dog")[1].replace("│", " ").split())
    assert "yours: 5 reps, 7 s holds, 2 fewer reps each further set" in out
    out = " ".join(run(runner, "moves", "seated-figure-four")[1].replace("│", " ").split())
    assert "fewer reps" not in out


def test_the_moves_table_shows_both_doses(runner: CliRunner) -> None:
    lines = run(runner, "moves", "--group", "gluteal")[1].splitlines()
    assert lines[0].split() == ["written"] and lines[1].split()[-1] == "yours"
    pigeon = lines.index(next(line for line in lines if line.startswith("Pigeon stretch")))
    assert lines[pigeon].endswith("30 s x 2") and lines[pigeon + 1].endswith("20 s x 3")


def test_moves_json_fields(runner: CliRunner) -> None:
    data = json.loads(run(runner, "moves", "--json")[1])
    fields = {"id", "name", "kind", "group", "sided", "position", "hold", "reps", "tempo",
              "pause", "switch", "pyramid", "needs", "demands", "easier_move", "harder_move",
              "instead_of", "setup", "cues", "cautions", "easier", "harder", "figure"}
    assert all(set(m) == fields for m in data)
    bridge = next(m for m in data if m["id"] == "glute-bridge")
    assert bridge["hold"] is None and bridge["tempo"] == 6 and bridge["pause"] == 2
    pigeon = next(m for m in data if m["id"] == "pigeon")
    assert pigeon["switch"] == 15 and pigeon["needs"] == ["cushion"]
    assert pigeon["demands"] == ["floor", "kneeling", "deep-hip-flexion", "sciatic-load"]
    assert (pigeon["easier_move"], pigeon["harder_move"]) == ("figure-four", None)
    ladders = {m["id"]: (m["easier_move"], m["harder_move"]) for m in data}
    assert ladders["butterfly"] == ("seated-adductor", "frog")
    assert ladders["half-kneeling-hip-flexor"] == ("standing-hip-flexor", "couch-stretch")
    assert all(isinstance(m["demands"], list) for m in data)


def test_avoid_names_each_form_and_what_to_do_instead(runner: CliRunner) -> None:
    code, out, _ = run(runner, "avoid")
    assert code == 0
    flat = " ".join(out.replace("│", " ").split())
    for name in ("Knee rolls and lying twists", "Seated and standing twists", "Knees to chest",
                 "Child's pose held as a back stretch", "Cat-camel held at the end of the range",
                 "Toe touches", "Hamstring stretches"):
        assert f"Avoid: {name}" in flat
    assert flat.count("Do instead:") == 7 and flat.count("Why:") == 7
    data = json.loads(run(runner, "avoid", "--json")[1])
    assert [a["id"] for a in data] == ["knee-rolls", "spinal-twists", "knees-to-chest",
                                       "childs-pose", "cat-camel", "toe-touches",
                                       "hamstring-stretches"]
    assert all(a["instead"] and a["description"] and a["why"] for a in data)
    cat = next(a for a in data if a["id"] == "cat-camel")
    assert cat["held_only"] is True and "cat cow" in cat["known_as"]


def switches(runner: CliRunner, *args: str) -> dict[str, float]:
    """The seconds of each move's switch of sides, and how many switches it makes."""
    steps = json.loads(run(runner, "show", *args, "--json")[1])["steps"]
    return {steps[i - 1]["move"]: s["seconds"] for i, s in enumerate(steps)
            if s["kind"] == "switch"}


def test_switching_sides_takes_as_long_as_the_move_needs(runner: CliRunner) -> None:
    assert switches(runner, "full-session") == {  # a beginner's rungs
        "clamshell": 10, "side-plank": 10, "bird-dog": 5, "seated-figure-four": 5,
        "standing-hip-flexor": 5}
    assert switches(runner, "full-session", "--as-written") == {
        "clamshell": 10, "side-plank-feet": 10, "bird-dog": 5, "pigeon": 15, "couch-stretch": 15}
    table = run(runner, "show", "hip-reset", "--as-written")[1].splitlines()
    pigeon = [i for i, line in enumerate(table) if "Pigeon stretch" in line]
    assert [table[i].split()[4] for i in pigeon] == ["left"] * 3 + ["right"] * 3  # one side,
    assert "Switch sides" in table[pigeon[3] - 1] and table[pigeon[3] - 1].split()[-2:] == [
        "15", "s"]  # then the other: down onto the floor and up once


def test_validate_all_files(runner: CliRunner) -> None:
    code, out, _ = run(runner, "validate")
    assert code == 0
    assert out.count("ok  ") == 6 and "26 moves, 5 routines" in out.replace("\n", " ")


def test_validate_reports_the_first_problem_of_each_file(runner: CliRunner, tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text("routines:\n  mine:\n    title: Mine\n    items:\n      - move: frog\n")
    bad = tmp_path / "bad.yaml"
    bad.write_text("moves:\n  x:\n    hold: 3\n")
    worse = tmp_path / "worse.yaml"
    worse.write_text("routines: [\n")
    code, out, err = run(runner, "validate", str(good), str(bad), str(worse), str(tmp_path / "nope.yaml"))
    assert code == 1
    assert f"ok  {good}" in out
    lines = err.strip().splitlines()
    assert lines[0].startswith("stretch: error: ") and "nope.yaml: no such file" in lines[0]
    assert f"stretch: error: {bad}:3:5: moves.x.name: missing (required)\n" in err
    assert f"{worse}:2:1: yaml: syntax error" in err
    assert len(lines) == 3


def test_validate_catches_a_reference_across_files(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("routines:\n  mine:\n    title: Mine\n    items:\n      - move: frogg\n")
    code, _, err = run(runner, "validate", str(path))
    assert code == 1
    assert err.strip() == (
        f"stretch: error: {path}:5:15: routines.mine.items[0].move: unknown move 'frogg' "
        "(did you mean 'frog'?)"
    )


def test_validate_refuses_a_stretch_from_the_avoid_list(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "twists.yaml"
    path.write_text("routines:\n  mine:\n    title: Mine\n    items:\n      - move: frog\n"
                    "      - move: knee-rolls\n")
    code, _, err = run(runner, "validate", str(path))
    assert code == 1
    assert err == (
        f"stretch: error: {path}:6:15: routines.mine.items[1].move: 'knee-rolls' is on the avoid "
        "list (Knee rolls and lying twists): use figure-four, butterfly or half-kneeling-hip-flexor "
        "instead; see 'stretch avoid'\n"
    )


def test_validate_refuses_defining_a_stretch_from_the_avoid_list(runner: CliRunner,
                                                                 tmp_path: Path) -> None:
    path = tmp_path / "fold.yaml"
    path.write_text("moves:\n  morning-fold:\n    name: Standing toe touch\n    kind: stretch\n"
                    "    group: gluteal\n    position: standing\n    hold: 20\n"
                    "    setup: Stand tall.\n    cues: [Reach down]\n")
    code, _, err = run(runner, "validate", str(path))
    assert code == 1
    assert err == (
        f"stretch: error: {path}:3:11: moves.morning-fold.name: 'Standing toe touch' is on the "
        "avoid list (Toe touches): use hip-hinge, glute-bridge or figure-four instead; see "
        "'stretch avoid'\n"
    )


def test_a_broken_user_file_stops_every_command_that_shows_or_runs_routines(
        runner: CliRunner, stretch_home: Path) -> None:
    """What they would show is not the person's own catalogue. (`checkin` and `history`,
    whose work is the log, go on without the user's files: see tests/test_robust.py.)"""
    path = write_user_file(stretch_home, "broken.yaml", "moves:\n  x: [\n")
    error = f"stretch: error: {path}:3:1: yaml: syntax error: did not find expected node content\n"
    for args in (["list"], ["show", "hip-reset"], ["moves"], ["avoid"], ["run", "desk-break"],
                 ["today"], ["week"], ["progress"], ["sheet", "hip-reset"]):
        code, out, err = run(runner, *args)
        assert code == 1, args
        assert out == ""
        assert err == error, args
    code, _, err = run(runner, "validate")  # after an ok line for each good file
    assert code == 1 and err == error


def test_every_command_and_option_has_help() -> None:
    group = get_command(app)
    assert group.help
    commands = group.commands  # type: ignore[attr-defined]
    assert {"list", "show", "moves", "avoid", "validate"} <= set(commands)
    for name, command in commands.items():
        assert command.help, name
        for param in command.params:
            assert getattr(param, "help", None), f"{name} {param.name}"


def test_help_runs_for_each_command(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    """And shows no value after a flag: `--json <bool>` reads as though it wanted `true`."""
    monkeypatch.setenv("COLUMNS", "80")
    group = get_command(app)
    commands = [[], *([name] for name in group.commands)]  # type: ignore[attr-defined]
    commands += [["remind", name] for name in ("on", "off", "status")]
    commands += [["history", "delete"], ["history", "rate"], ["goal", "add"], ["goal", "rate"]]
    for words in commands:
        code, out, _ = run(runner, *words, "--help")
        assert code == 0 and "Usage" in out and "--help" in out, words
        assert "<bool>" not in out and "range>" not in out, words
    flags = run(runner, "show", "--help")[1]
    assert re.search(r"--json +Print JSON", flags) and re.search(r"--minutes +MINUTES ", flags)


def test_completion_offers_routine_and_move_names() -> None:
    assert [name for name, _ in complete_routine("hip")] == ["hip-reset"]
    assert "figure-four" in [name for name, _ in complete_move("fig")]


@pytest.mark.slow
def test_python_dash_m_and_a_closed_pipe(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "stretch", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and done.stdout.startswith("stretch ")
    script = f"{sys.executable} -m stretch moves | head -1"
    piped = subprocess.run(["sh", "-c", script], capture_output=True, text=True, check=False, cwd=tmp_path)
    assert piped.returncode == 0 and "Traceback" not in piped.stderr


@pytest.mark.parametrize(("move", "sides"), [("pigeon", "each side"),
                                             ("butterfly", "both sides at once"),
                                             ("front-plank", None), ("glute-bridge", None)])
def test_a_move_says_its_sides_only_when_it_has_them(runner: CliRunner, move: str,
                                                     sides: str | None) -> None:
    detail = runner.invoke(app, ["moves", move]).stdout.splitlines()[2]
    if sides is None:  # "both sides" on a plank would read as "do it on each side"
        assert "side" not in detail
    else:
        assert detail.split("│")[1].rstrip().endswith(f", {sides}")  # the dose: next line


def test_help_lists_every_command_whole_starting_with_today(runner: CliRunner) -> None:
    out = runner.invoke(app, ["--help"]).stdout
    listed = out.split("Commands:\n", 1)[1].splitlines()
    names = [line.split()[0] for line in listed if line.strip()]
    assert names == list(ORDER)  # every command, in the order a person meets them
    assert not any(line.rstrip().endswith("...") for line in listed)  # no summary cut short
    assert "<bool>" not in out
