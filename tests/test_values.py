"""``partnerkit.values``: the value types of the start-up path behave as dataclasses do."""

from __future__ import annotations

import pickle

import pytest

from partnerkit.findings import Finding, Position, Severity
from partnerkit.load.pipeline import FileReport
from partnerkit.values import Factory, field_names, replace, valuetype


@valuetype
class Point:
    x: int
    y: int = 0
    tags: list = Factory(list)

    @property
    def norm(self) -> int:
        return abs(self.x) + abs(self.y)


@valuetype(frozen=False)
class Box:
    items: list = Factory(list)
    name: str = "box"


def test_positional_keyword_and_default_arguments():
    assert (Point(1).x, Point(1).y, Point(1, 2).y, Point(x=3, y=4).norm) == (1, 0, 2, 7)
    assert field_names(Point) == ("x", "y", "tags")


def test_a_factory_default_is_fresh_for_each_instance():
    first, second = Point(1), Point(1)
    first.tags.append("a")
    assert second.tags == [] and Box().items is not Box().items


@pytest.mark.parametrize(
    "call",
    [lambda: Point(), lambda: Point(1, 2, [], 4), lambda: Point(1, x=2), lambda: Point(1, z=2)],
    ids=["missing", "too-many", "repeated", "unknown"],
)
def test_wrong_arguments_are_a_type_error(call):
    with pytest.raises(TypeError):
        call()


def test_equality_hash_and_repr():
    assert Point(1, 2) == Point(1, 2) != Point(2, 1)
    assert Point(1, 2) != (1, 2, [])
    assert len({Position(1, 2), Position(1, 2), Position(2, 1)}) == 2
    assert repr(Point(1, 2)) == "Point(x=1, y=2, tags=[])"


def test_frozen_values_cannot_change_and_others_can():
    point = Point(1)
    with pytest.raises(AttributeError):
        point.x = 2
    with pytest.raises(AttributeError):
        del point.x
    box = Box()
    box.name = "låda"
    assert box.name == "låda"
    with pytest.raises(TypeError):
        hash(box)


def test_replace_and_pickle_as_worker_processes_do():
    finding = Finding("LEAD-01", Severity.ERROR, "m", "r.yaml", Position(3, 4), ("leadership",))
    changed = replace(finding, severity=Severity.INFO)
    assert (changed.severity, changed.code, finding.severity) == (
        Severity.INFO,
        "LEAD-01",
        Severity.ERROR,
    )
    report = FileReport("r.yaml", [finding], "r-id")
    back = pickle.loads(pickle.dumps(report))
    assert back == report and back.findings[0] == finding and back.findings[0].line == 3
