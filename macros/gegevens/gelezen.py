"""The files of a data folder as read, by role: what `laden` reads and `controles` checks.

Its own module, so the loader and the checks both use it without importing each other.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .yamlbestand import Bestand


@dataclass
class Jaarmap:
    jaar: int
    map: Path
    jaarschijf: Bestand | None = None
    themas: list[Bestand] = field(default_factory=list)
    herstellingen: Bestand | None = None
    voortgang: Bestand | None = None  # voortgang.yaml: progress entries, apart from signed text
    onleesbaar: bool = False  # a theme file could not be read: its commitments are unknown


@dataclass
class Gelezen:
    """Every readable file, by role; what `controles` checks and `maak_model` builds from."""

    gedeeld: dict[str, Bestand] = field(default_factory=dict)
    jaren: list[Jaarmap] = field(default_factory=list)
