"""The reminder `remind on` set, kept beside the settings so `remind status` can show it.

The record is the one description (a Schedule) and which scheduler took it. A damaged
record is one line naming the file; `remind on` writes it afresh.
"""

from __future__ import annotations

import json
from pathlib import Path

from stretch.errors import StretchError
from stretch.files import write_atomically
from stretch.remind.schedule import Schedule

VIA = {  # which scheduler took the reminder, as `remind on` and `status` say it
    "systemd": "by a systemd user timer",
    "systemd-files": "as a systemd user timer that could not be enabled",
    "cron": "by a line in your crontab",
    "launchd": "by a launchd agent",
    "schtasks": "by a Windows scheduled task",
}


def save(path: Path, schedule: Schedule, via: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise StretchError(f"cannot make {path.parent}: {err.strerror}") from None
    text = json.dumps({"schedule": schedule.to_json(), "via": via}, indent=2) + "\n"
    write_atomically(path, text, force=True)


def load(path: Path) -> tuple[Schedule, str] | None:
    """The saved reminder and its scheduler, or None when none is set."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        via = data["via"]
        if via not in VIA:
            raise ValueError(via)
        return Schedule.from_json(data["schedule"]), via
    except FileNotFoundError:
        return None
    except OSError as err:
        raise StretchError(f"cannot read {path}: {err.strerror}") from None
    except (ValueError, KeyError, TypeError, AttributeError):
        raise StretchError(f"{path} is damaged; `stretch remind on` writes it afresh") from None
