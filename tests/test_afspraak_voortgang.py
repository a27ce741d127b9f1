"""Progress on the built site, read with an HTML parser: what a reader finds about how far a
commitment is (issue 14).

- the commitment page has a section 'Stand van zaken', high on the page and in the search
  text: the current status in words with its icon (hidden from screen readers: the word
  says it), its definition and a link to it in the glossary, when it was assessed and by
  whom, the explanation and the reason, the successor (doorgeschoven) or the decision
  (vervallen), target against realised per target, and the history as a timeline, newest
  first, each entry with its own anchor, a corrected entry marked with the entry that
  corrects it;
- a commitment without entries says plainly that it is not assessed yet, and nothing more;
- the overview has a status column and offers the statuses of its year in a filter;
- the glossary lists every status with its icon, word, definition and anchor;
- the search finds an assessed commitment by its status word, on its own page only.

On the fixture set `gevolgd` (every status, reasons, a correction, parts per place) and on
`een-jaar` (no progress); expected values come from the fixture's model.
"""
from __future__ import annotations

import json

import pytest

from macros.gegevens.model import Afspraak, Model
from macros.gegevens.voortgang import NOG_NIET, REDACTIE, STATUSSEN, Verloop, Voortgang
from macros.paginas.opmaak import datum, documentnaam, getal
from macros.paginas.realisatie import realisaties
from test_site import Gebouwd, adres, doel, links_naar, pagina, tekst

NOG_NIETS = "Nog niet beoordeeld: er is nog niets vastgelegd over hoe ver deze afspraak is."


@pytest.fixture
def gevolgd_site(site_gevolgd, gevolgd) -> Gebouwd:
    return Gebouwd(site_gevolgd, gevolgd)


def stand_sectie(site, a: Afspraak):
    soep = pagina(site, adres(a))
    kop = soep.find("h2", string="Stand van zaken")
    assert kop is not None, f"{a.id}: geen kop 'Stand van zaken'"
    return soep, kop.find_parent("section")


def nieuwste_eerst(verloop: Verloop) -> list[Voortgang]:
    return sorted(verloop.regels, key=lambda r: (r.peildatum, r.vastgelegd, r.nummer), reverse=True)


def beoordeeld(model: Model) -> list[Afspraak]:
    uit = [a for a in model.afspraken if model.verloop(a.id).regels]
    assert uit, "de fixture heeft geen voortgang"
    return uit


def test_stand_staat_hoog_en_wordt_gezocht(gevolgd_site):
    """After 'In het kort', before the related commitments; never inside a part the search skips."""
    site, model = gevolgd_site
    for a in model.afspraken:
        soep, sectie = stand_sectie(site, a)
        koppen = [tekst(h) for h in soep.select(".pa-afspraakpagina h2")]
        assert koppen.index("In het kort") + 1 == koppen.index("Stand van zaken"), a.id
        assert sectie.find_parent(attrs={"data-search-exclude": True}) is None, a.id
        assert not sectie.has_attr("data-search-exclude"), a.id


def test_status_in_woorden_met_icoon_uitleg_en_link(gevolgd_site):
    site, model = gevolgd_site
    begrippen = pagina(site, "begrippen/")
    for a in model.afspraken:
        s = model.verloop(a.id).status
        _, sectie = stand_sectie(site, a)
        regel = sectie.select_one("p.pa-stand")
        status = regel.select_one(".pa-status")
        assert tekst(status) == s.naam.capitalize(), a.id
        icoon = status.select_one("svg")
        assert icoon["aria-hidden"] == "true" and icoon["focusable"] == "false", a.id
        assert s.definitie[1:] in tekst(regel), a.id
        link = regel.find("a", href=lambda h: h and "begrippen/" in h)
        assert doel(adres(a), link["href"].split("#")[0]) == "begrippen/", a.id
        anker = link["href"].split("#")[1]
        assert anker == f"status-{s.id}" and begrippen.find(id=anker) is not None, a.id


def test_wanneer_en_door_wie(gevolgd_site):
    """The current entry's dates, and who assessed it: a party linked to its page of the
    year, a group by its name, or the editors."""
    site, model = gevolgd_site
    soorten = set()
    for a in beoordeeld(model):
        r = model.verloop(a.id).stand
        _, sectie = stand_sectie(site, a)
        meta = next(p for p in sectie.find_all("p", class_="pa-meta", recursive=False)
                    if tekst(p).startswith("Stand op"))
        assert tekst(meta).startswith(f"Stand op {datum(r.peildatum)}, vastgelegd op {datum(r.vastgelegd)}."), a.id
        if r.beoordeeld_door == REDACTIE:
            soorten.add("redactie")
            assert "Beoordeeld door de redactie." in tekst(meta), a.id
        elif r.beoordeeld_door in model.partijen:
            soorten.add("partij")
            assert f"Beoordeeld door {model.partijen[r.beoordeeld_door].naam}." in tekst(meta), a.id
            assert links_naar(meta, adres(a)) == [f"{a.jaar}/partijen/{r.beoordeeld_door}/"], a.id
        else:
            soorten.add("groep")
            assert f"Beoordeeld door {model.groepen[r.beoordeeld_door].naam} (" in tekst(meta), a.id
        assert tekst(sectie).count(r.toelichting) >= 2, a.id  # the current entry, and in the timeline
    assert soorten == {"redactie", "partij", "groep"}, "de fixture heeft niet elke soort beoordelaar"


def test_tijdlijn_alleen_eigen_regels_nieuwste_eerst_met_ankers(gevolgd_site):
    site, model = gevolgd_site
    for a in model.afspraken:
        verloop = model.verloop(a.id)
        soep, sectie = stand_sectie(site, a)
        tijdlijn = sectie.select_one("ol.pa-tijdlijn")
        if not verloop.regels:
            assert tijdlijn is None and soep.select("[id^='voortgang-']") == [], a.id
            continue
        items = tijdlijn.find_all("li", recursive=False)
        assert [li["id"] for li in items] == [r.anker for r in nieuwste_eerst(verloop)], a.id
        assert len(soep.select("[id^='voortgang-']")) == len(verloop.regels), a.id
        assert "de nieuwste bovenaan" in tekst(sectie), a.id
        for li, r in zip(items, nieuwste_eerst(verloop)):
            t = tekst(li)
            assert t.startswith(f"Stand op {datum(r.peildatum)}: {r.status_.naam.capitalize()}"), r.id
            assert li.select_one(".pa-status svg")["aria-hidden"] == "true", r.id
            assert f"Regel {r.nummer}, vastgelegd op {datum(r.vastgelegd)}." in t, r.id
            assert r.toelichting in t, r.id
            if r.reden:
                assert f"Waarom: {r.reden}" in t, r.id


def test_gecorrigeerde_regel_blijft_zichtbaar_en_verwijst(gevolgd_site):
    site, model = gevolgd_site
    gezien = 0
    for a in beoordeeld(model):
        verloop = model.verloop(a.id)
        soep, _ = stand_sectie(site, a)
        for nummer, door in verloop.gecorrigeerd.items():
            gezien += 1
            oud, nieuw = soep.find(id=f"voortgang-{nummer}"), soep.find(id=door.anker)
            assert "pa-tijdlijn__regel--gecorrigeerd" in oud["class"], a.id
            assert f"Gecorrigeerd op {datum(door.vastgelegd)} door regel {door.nummer}: deze regel geldt niet meer." \
                in tekst(oud), a.id
            assert oud.select_one("p.pa-correctie a")["href"] == f"#{door.anker}", a.id
            assert f"Corrigeert regel {nummer}." in tekst(nieuw), a.id
            assert nieuw.select_one("p.pa-correctie a")["href"] == f"#voortgang-{nummer}", a.id
            assert "pa-tijdlijn__regel--gecorrigeerd" not in nieuw["class"], a.id
        # the current status is never the corrected entry's
        if verloop.stand:
            assert verloop.stand.nummer not in verloop.gecorrigeerd
    assert gezien, "de fixture heeft geen correctie"


def test_realisatie_per_doel_met_delen_per_plaats(gevolgd_site):
    site, model = gevolgd_site
    a = next(a for a in beoordeeld(model) if any(t.delen for t in a.totalen)
             and all(r.waarde for r in realisaties(model, a)))
    _, sectie = stand_sectie(site, a)
    rijen = sectie.select("table.pa-realisatie tbody tr")
    verwacht = realisaties(model, a)
    assert len(rijen) == len(verwacht) == len(a.doelen)
    for rij, r in zip(rijen, verwacht):
        cellen = [tekst(c) for c in rij.find_all(["th", "td"])]
        assert ("pa-deel" in (rij.get("class") or [])) == (r.totaal is not None)
        assert cellen[0].startswith("waarvan ") == (r.totaal is not None)
        if r.doel.plaats:
            assert cellen[0].endswith(model.plaatsen[r.doel.plaats].naam)
        assert cellen[2].startswith(f"{getal(r.waarde.aantal)} {r.waarde.eenheid}")
        assert cellen[3] == datum(r.waarde.datum)
        assert r.bron.titel in cellen[4]
    assert sum(r.totaal is not None for r in verwacht) >= 2, "de fixture heeft geen delen per plaats"
    # each entry's own realised values stay in the timeline, also those of a corrected entry
    soep, _ = stand_sectie(site, a)
    for r in model.verloop(a.id).regels:
        waarden = [tekst(li) for li in soep.find(id=r.anker).select("ul.pa-tijdlijn__waarden li")]
        assert [w.split(": ")[-1] for w in waarden] == [waardetekst(w) for w in r.gerealiseerd], r.id


def waardetekst(w) -> str:
    """A realised value as the site writes it: '20 labels (voorlopig), NTA 8800'."""
    return f"{getal(w.aantal)} {w.eenheid}" + (" (voorlopig)" if w.voorlopig else "") + (f", {w.methode}" if w.methode else "")


def test_bronnen_als_links_met_datum_en_pagina(gevolgd_site):
    site, model = gevolgd_site
    soorten = set()
    for a in beoordeeld(model):
        soep, _ = stand_sectie(site, a)
        for r in model.verloop(a.id).regels:
            items = soep.find(id=r.anker).select("ul.pa-tijdlijn__bronnen > li")
            assert len(items) == len(r.bronnen), r.id
            for li, b in zip(items, r.bronnen):
                t = tekst(li)
                if b.document:
                    soorten.add("document")
                    document = model.documenten[b.document]
                    assert t.startswith(documentnaam(document)), r.id
                    assert [x["href"] for x in li.select("a")] == ([document.url] if document.url else []), r.id
                elif b.url:
                    soorten.add("url")
                    assert [(x["href"], tekst(x)) for x in li.select("a")] == [(b.url, b.titel)], r.id
                else:
                    assert t.startswith(b.titel) and li.select("a") == [], r.id
                assert datum(b.datum) in t, r.id
                if b.pagina:
                    soorten.add("pagina")
                    assert t.endswith(f"pagina {b.pagina}"), r.id
    assert soorten == {"document", "url", "pagina"}, "de fixture heeft niet elke soort bron"


def test_doorgeschoven_verwijst_naar_de_opvolger(gevolgd_site):
    site, model = gevolgd_site
    gevonden = [a for a in beoordeeld(model) if model.verloop(a.id).status.id == "doorgeschoven"]
    assert gevonden, "de fixture heeft geen doorgeschoven afspraak"
    for a in gevonden:
        opvolger = model.afspraak(model.verloop(a.id).stand.opvolger)
        _, sectie = stand_sectie(site, a)
        zin = next(p for p in sectie.find_all("p", recursive=False) if tekst(p).startswith("Het gaat verder in"))
        assert links_naar(zin, adres(a)) == [adres(opvolger)], a.id
        assert f"({opvolger.jaar})" in tekst(zin), a.id


def test_vervallen_noemt_het_besluit(gevolgd_site):
    site, model = gevolgd_site
    gevonden = [a for a in beoordeeld(model) if model.verloop(a.id).status.id == "vervallen"]
    assert gevonden, "de fixture heeft geen vervallen afspraak"
    for a in gevonden:
        besluiten = [b for b in model.verloop(a.id).stand.bronnen if b.soort == "besluit"]
        _, sectie = stand_sectie(site, a)
        zin = next(p for p in sectie.find_all("p", recursive=False) if tekst(p).startswith("Besloten in:"))
        assert all(b.titel in tekst(zin) and datum(b.datum) in tekst(zin) for b in besluiten), a.id


def test_reden_bij_de_stand(gevolgd_site):
    site, model = gevolgd_site
    met_reden = [a for a in beoordeeld(model) if model.verloop(a.id).stand and model.verloop(a.id).stand.reden]
    assert met_reden, "de fixture heeft geen reden"
    for a in met_reden:
        _, sectie = stand_sectie(site, a)
        eigen = [tekst(p) for p in sectie.find_all("p", recursive=False)]
        assert f"Waarom: {model.verloop(a.id).stand.reden}" in eigen, a.id


@pytest.mark.parametrize("naam", ["een-jaar", "gevolgd"])
def test_zonder_regels_nog_niet_beoordeeld(naam, request):
    site = request.getfixturevalue(f"site_{naam.replace('-', '_')}")
    model = request.getfixturevalue(naam.replace("-", "_"))
    zonder = [a for a in model.afspraken if not model.verloop(a.id).regels]
    assert zonder, "de fixture heeft geen afspraak zonder voortgang"
    for a in zonder:
        _, sectie = stand_sectie(site, a)
        assert NOG_NIETS in tekst(sectie), a.id
        assert sectie.select("table.pa-realisatie, ol.pa-tijdlijn") == [], a.id
        assert "Stand op" not in tekst(sectie) and "Beoordeeld door" not in tekst(sectie), a.id


def test_overzicht_toont_en_filtert_de_status(gevolgd_site):
    site, model = gevolgd_site
    for jaar in model.jaren.values():
        soep = pagina(site, f"{jaar.jaar}/afspraken/")
        rijen = soep.select("#afspraken-tabel tbody tr")
        for rij, a in zip(rijen, jaar.afspraken, strict=True):
            s = model.verloop(a.id).status
            assert rij["data-status"] == s.id
            cel = rij.find_all("td")[-1]
            assert tekst(cel) == s.naam.capitalize() and cel.select_one("svg")["aria-hidden"] == "true"
        opties = [o["value"] for o in soep.select("#filter-status option") if o["value"]]
        assert opties == [s.id for s in STATUSSEN if s.id in {model.verloop(a.id).status.id for a in jaar.afspraken}]
        assert soep.select_one('label[for="filter-status"]') is not None
        # the year switcher knows each year's statuses, so its links keep what that year offers
        for span in soep.select("#afspraken-jaren [data-adres]"):
            assert span.has_attr("data-status")


def test_begrippen_noemen_elke_status(gevolgd_site, site_een_jaar):
    for site in (gevolgd_site.map, site_een_jaar):
        soep = pagina(site, "begrippen/")
        kop = soep.find(id="woorden-voor-de-stand")
        assert tekst(kop) == "Woorden voor de stand van een afspraak"
        termen = soep.select("dl.pa-statussen dt")
        assert [dt["id"] for dt in termen] == [f"status-{s.id}" for s in STATUSSEN]
        for dt, s in zip(termen, STATUSSEN):
            assert tekst(dt) == s.naam.capitalize() and dt.select_one("svg")["aria-hidden"] == "true"
            assert tekst(dt.find_next_sibling("dd")) == s.definitie


def test_zoeken_vindt_de_status_op_de_eigen_pagina(gevolgd_site):
    site, model = gevolgd_site
    for jaar in model.jaren:
        docs = json.loads((site / f"zoeken/{jaar}.json").read_text(encoding="utf-8"))
        for a in model.jaren[jaar].afspraken:
            s = model.verloop(a.id).status
            eigen = next(d for d in docs if d["u"] == adres(a))
            assert (f"Status: {s.naam}." in eigen["x"]) == (s.id != NOG_NIET), a.id
            assert all(f"Status: {s.naam}." not in d["x"] for d in docs if d["u"] != adres(a) and d["s"] != "afspraak")
