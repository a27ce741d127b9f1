"""Synthetic data for the benchmark and the tests: `python -m macros synth`.

Writes a complete data folder (the shared files, `schema/`, one folder per year)
that looks like the real data in size and shape but is fictional: parties, places
and signatories have made-up names ("Gemeente Voorbeeld", "Woonstichting Proef"),
every year is titled "Synthetische prestatieafspraken <jaar>" and every file says
in its second line that it is synthetic. It is never published: the generator
writes only into the new or empty folder it is given, never into the example data.

How it imitates the example data (the real `data/`, or `--data`):

- Text comes from a word-level Markov chain over the real signed texts (titles from
  one over the real titles), with real party and place names replaced by the
  fictional ones and years shifted to the synthetic year. Each text gets the length
  of a real text of the same kind, so lengths follow the real distribution.
- Every synthetic commitment copies the shape of a random real commitment of the
  same theme: who is responsible (and so its sub-heading), the number of paragraphs,
  targets, places, documents, relations and notes, and whether it has a deadline.
- The example year is the latest signed one (a year being prepared is not signed and
  holds copied texts and placeholders), or the latest year when none is signed; the
  synthetic years are signed as it is.
- Themes keep their ids. Each synthetic theme mirrors its real counterpart (goal,
  context, notes, tables of the same size); commitments are spread over the themes
  in the real proportions (a theme without commitments stays empty) and numbered
  1..M per year in theme order, like the signed document.
- Shared files mirror the real ones: parties of the same kinds and groups, a
  tenants' organisation per corporation, places, documents and the glossary (whose
  terms therefore occur in the generated text).

Lineage: from the second year on, one commitment per theme continues the same
chain every year (chains over all years), and every other commitment continues an
unclaimed commitment of the same theme in the year before with chance
VOORTZET_KANS (chains of a few years). `gerelateerd` stays within a year.

Determinism: the same seed, counts and example data give byte-identical output.
Each year is drawn from its own random stream (seed, year) and depends only on the
year before it; the shared files do not depend on the number of years. So the
first K years of a `--jaren 20` run are byte-identical to a `--jaren K` run with the
same seed; the later years only add successors (commitments whose
`voortzetting_van` points back into the first K years).

Progress (`voortgang`): each year gets `voortgang.yaml`. The synthetic years start in
EERSTE_JAAR and most lie in the future, while no progress date may lie after today; so only
the years that began before PEILGRENS (a fixed day in the past) get entries, with what could
be known by then, and later years an empty list (nothing known yet, as in a real year that
has just begun). See `voortgang` for the mix of statuses, corrections and successors.

The modules: `opdracht` (the command: check, generate, write), `namen` (fictional
names and years), `ketting` (Markov text), `gedeeld` (what is taken from the example,
and the shared files) `jaren` (one year at a time) and `voortgang` (progress).
"""
from __future__ import annotations
from __future__ import annotations

ZAAD = 1  # the default seed
EERSTE_JAAR = 2024
LAATSTE_JAAR = 2100  # the schema's last year
# The last day synthetic progress describes or is recorded on (voortgang.py): in the past, as
# the check wants, and fixed, so that the same seed gives the same files on any day.
PEILGRENS = "2026-09-30"


class SynthFout(Exception):
    """Bad arguments or target folder; the message is Dutch and says what to do."""
