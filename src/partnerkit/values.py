"""Value types for the start-up path: what ``dataclasses`` gives, without its code generation.

``dataclasses`` writes each class's ``__init__``, ``__eq__``, ``__repr__`` (and, frozen,
``__setattr__`` and ``__hash__``) as source and compiles it when the module is imported:
about half a millisecond to a millisecond per class. The eighteen value types on the way of
``partnerkit check`` cost a twentieth of the run of one record that way. :func:`valuetype` builds
the same methods from closures instead; an instance is made a little slower, a class much
faster. Fields are the class's annotations, in order; a default is a class attribute, and
:class:`Factory` makes a fresh default for each instance (``dataclasses.field(default_factory)``).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
_MISSING = object()


class Factory:
    """A default made anew for each instance: ``findings: list = Factory(list)``."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


def valuetype(cls: type[T] | None = None, *, frozen: bool = True) -> Any:
    """Give ``cls`` a constructor, equality, a hash (when frozen) and a repr from its fields."""

    def build(cls: type[T]) -> type[T]:
        names = tuple(
            name
            for klass in reversed(cls.__mro__)
            for name in inspect.get_annotations(klass)
            if not name.startswith("_")
        )
        names = tuple(dict.fromkeys(names))
        defaults = {name: getattr(cls, name, _MISSING) for name in names}
        cls.__fields__ = names  # type: ignore[attr-defined]
        cls.__init__ = _init(names, defaults, frozen)  # type: ignore[misc]
        cls.__eq__ = _eq  # type: ignore[method-assign,assignment]
        cls.__repr__ = _repr  # type: ignore[method-assign,assignment]
        if frozen:
            cls.__setattr__ = _refuse  # type: ignore[method-assign,assignment]
            cls.__delattr__ = _refuse  # type: ignore[method-assign,assignment]
            cls.__hash__ = _hash  # type: ignore[method-assign,assignment]
        else:
            cls.__hash__ = None  # type: ignore[assignment]
        return cls

    return build if cls is None else build(cls)


def field_names(cls: type) -> tuple[str, ...]:
    return cls.__fields__  # type: ignore[attr-defined]


def astuple(obj: Any) -> tuple[Any, ...]:
    return tuple(getattr(obj, name) for name in field_names(type(obj)))


def replace(obj: T, **changes: Any) -> T:
    """A copy of ``obj`` with some fields changed (``dataclasses.replace``)."""
    current = {name: getattr(obj, name) for name in field_names(type(obj))}
    return type(obj)(**{**current, **changes})


def _init(names: tuple[str, ...], defaults: dict[str, Any], frozen: bool) -> Callable[..., None]:
    assign = object.__setattr__ if frozen else setattr

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        if len(args) > len(names):
            raise TypeError(f"{type(self).__name__} takes {len(names)} arguments")
        given = dict(zip(names, args, strict=False))
        for name, item in kwargs.items():
            if name not in defaults or name in given:
                raise TypeError(f"{type(self).__name__}: unexpected or repeated {name!r}")
            given[name] = item
        for name in names:
            item = given.get(name, _MISSING)
            if item is _MISSING:
                item = defaults[name]
                if item is _MISSING:
                    raise TypeError(f"{type(self).__name__}: missing {name!r}")
                if isinstance(item, Factory):
                    item = item.make()
            assign(self, name, item)

    return __init__


def _eq(self: Any, other: Any) -> Any:
    if type(other) is not type(self):
        return NotImplemented
    return astuple(self) == astuple(other)


def _hash(self: Any) -> int:
    return hash(astuple(self))


def _repr(self: Any) -> str:
    fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in field_names(type(self)))
    return f"{type(self).__name__}({fields})"


def _refuse(self: Any, name: str, *args: Any) -> None:
    raise AttributeError(f"{type(self).__name__} is frozen: cannot change {name!r}")
