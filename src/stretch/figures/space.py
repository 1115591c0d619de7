"""A figure's joints in space: where each is at a moment, and where the page shows it.

A counted figure is drawn at any moment between its start and end (the live view's
in-between frames): each joint moves in a straight line. A three-quarter view is seen
by a camera turned and tilted from the side view; its stick figure gains shoulders and
hips (a short line across the top and the bottom of the trunk), which is what lets a
stick figure read as a body in depth rather than a tangle of lines.
"""

from __future__ import annotations

import functools
import math

from stretch.figures.strokes import XY, XYZ
from stretch.poses import DEEP, Figure, Frame, Pose

Moment = Frame | float | None  # a frame, the way from start (0.0) to end (1.0), or the held pose
SHOULDER = 5.0  # half the shoulders' width, three-quarter view
HIP = 3.5  # half the hips' width
# How upright the line across the shoulders may be before the body counts as lying on one
# side: shoulders and hips stacked one above the other drew as short bars that read as
# extra limbs, so there the limbs start at the neck and the hip.
SIDE_LYING = 0.7
PAIRED = ("elbow", "hand", "knee", "foot")


def joints_at(figure: Figure, moment: Moment) -> dict[str, XYZ]:
    """Each joint's (x, y, z) at a moment: a frame's own, or part way from start to end;
    in a three-quarter view, with shoulders and hips either side of the trunk."""
    if isinstance(moment, float) and figure.counted:
        start, end = (_xyz(p) for p in figure.poses)
        t = min(1.0, max(0.0, moment))
        joints = {name: _between(start[name], end[name], t) for name in start if name in end}
    else:
        joints = _xyz(figure.pose(None if isinstance(moment, float) else moment))
    return _girdles(joints) if figure.view == DEEP else joints


def _between(a: XYZ, b: XYZ, t: float) -> XYZ:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t)


def _xyz(pose: Pose) -> dict[str, XYZ]:
    return {name: (float(p[0]), float(p[1]), float(p[2]) if len(p) == 3 else 0.0)
            for name, p in pose.joints}


def _girdles(joints: dict[str, XYZ]) -> dict[str, XYZ]:
    """Shoulders either side of the neck and hips either side of the hip, across the body:
    towards where the near limbs are, square to the trunk (lying on one side, that is up).
    Not along x: the person's left faces the viewer (or the ceiling), so a knee forward
    and a leg back (pigeon) say nothing of which way is across, and tilted the bars."""
    trunk = _unit(_minus(joints["neck"], joints["hip"])) or (1.0, 0.0, 0.0)
    lean = (0.0, 0.0, 0.0)
    for part in PAIRED:
        lean = _plus(lean, _minus(joints[f"near-{part}"], joints[f"far-{part}"]))
    lean = (0.0, lean[1], lean[2])
    across = _minus(lean, _scale(trunk, _dot(lean, trunk)))
    side = _unit(across) or (0.0, 0.0, 1.0)
    stacked = abs(side[1]) > SIDE_LYING  # lying on one side: the girdles stand on end
    out = dict(joints)
    for name, centre, half in (("shoulder", "neck", SHOULDER), ("hip", "hip", HIP)):
        width = 0.0 if stacked else half
        out[f"near-{name}"] = _plus(joints[centre], _scale(side, width))
        out[f"far-{name}"] = _plus(joints[centre], _scale(side, -width))
    return out


def project(figure: Figure, point: XYZ) -> XY:
    """Where a point lands on the page: a three-quarter view turns and tilts it."""
    if figure.view == DEEP:
        right, up, _ = _camera(figure.camera)
        return (_dot(point, right), _dot(point, up))
    return (point[0], point[1])


def nearness(figure: Figure, point: XYZ) -> float:
    """How near the three-quarter view's camera a point is: what is painted last."""
    return _dot(point, _camera(figure.camera)[2])


@functools.cache
def _camera(angles: tuple[int, int]) -> tuple[XYZ, XYZ, XYZ]:
    """The page's right and up, and the way to the camera, in the figure's space: turned
    from the side view towards the figure's left end (its feet when it lies with its head
    on the right, its front when it faces left; a negative turn, its right end), then
    tilted to look down. Orthographic: far things are not drawn smaller."""
    turn, tilt = (math.radians(a) for a in angles)
    right = (math.cos(turn), 0.0, math.sin(turn))
    up = (math.sin(turn) * math.sin(tilt), math.cos(tilt), -math.cos(turn) * math.sin(tilt))
    towards = (-math.sin(turn) * math.cos(tilt), math.sin(tilt),
               math.cos(turn) * math.cos(tilt))
    return right, up, towards


def _dot(a: XYZ, b: XYZ) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def _plus(a: XYZ, b: XYZ) -> XYZ:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def _minus(a: XYZ, b: XYZ) -> XYZ:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def _scale(a: XYZ, k: float) -> XYZ:
    return (a[0] * k, a[1] * k, a[2] * k)


def _unit(a: XYZ) -> XYZ | None:
    length = math.sqrt(_dot(a, a))
    return _scale(a, 1 / length) if length > 1e-6 else None
