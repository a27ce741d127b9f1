"""Comparing two models: per year the commitments, themes and the year itself, then the shared data."""
from __future__ import annotations

from ...gegevens.model import Afspraak, Gemeente, Jaar, Model, ThemaInJaar
from ...paginas.adressen import afspraak_url, jaar_url, thema_url
from .markdown import aanhalen, code, md, met_aantal
from .overzicht import Hoofdstuk, Onderdeel, Overzicht, Paar, Sectie, Veld
from .tonen import afspraaknaam, naam_van, toon
from .velden import velden, was_wordt
from .voortgang import nieuwe_regels, problemen

# The model compared with when there is nothing to compare with: everything is new.
LEEG = Model(gemeente=Gemeente(""), partijen={}, groepen={}, themas={}, plaatsen={}, documenten={}, begrippen={}, jaren={})


def _naam_afspraak(a: Afspraak) -> str:
    return md(f"Afspraak {a.nummer} ({a.jaar}): {a.titel}")


def _pad(url: str) -> str:
    return "/" + url


def _partijen(*afspraken: Afspraak) -> frozenset[str] | None:
    """The parties these commitments concern: those of the sub-heading and those the text
    names (Afspraak.toegerekend); None (all) when one names nobody."""
    if any(not a.toegerekend for a in afspraken):
        return None
    return frozenset(t.partij for a in afspraken for t in a.toegerekend)


def _nieuwe_afspraak(a: Afspraak, model: Model) -> Onderdeel:
    if a.uitvoerders:  # who the text names outranks the sub-heading, as on the site
        wie = (f"{toon('partijen', a.eigen_partijen, model)} (volgens de tekst)" if a.eigen_partijen
               else "niemand met zekerheid (volgens de tekst)")
    else:
        wie = toon("verantwoordelijk", a.verantwoordelijk, model) if a.verantwoordelijk else "niet genoemd"
    return Onderdeel(_naam_afspraak(a), _pad(afspraak_url(a.id)),
                     f"thema {md(model.themas[a.thema].naam)}; wie doet het: {wie}", meekijken=_partijen(a))


def _afspraken(oud: Jaar, nieuw: Jaar, paar: Paar) -> Sectie:
    a = {x.nummer: x for x in oud.afspraken}
    b = {x.nummer: x for x in nieuw.afspraken}
    return Sectie(
        "Afspraken",
        nieuw=tuple(_nieuwe_afspraak(b[n], paar.nieuw) for n in b if n not in a),
        weg=tuple(Onderdeel(_naam_afspraak(a[n]), uitleg=f"de pagina {code(_pad(afspraak_url(a[n].id)))} "
                            "verdwijnt", meekijken=_partijen(a[n])) for n in a if n not in b),
        gewijzigd=tuple(Onderdeel(_naam_afspraak(b[n]), _pad(afspraak_url(b[n].id)), velden=tuple(v),
                                  meekijken=_partijen(a[n], b[n]))
                        for n in b if n in a and (v := velden(a[n], b[n], paar))),
    )


def _themas_in_jaar(oud: Jaar, nieuw: Jaar, paar: Paar) -> Sectie:
    a = {t.thema: t for t in oud.themas}
    b = {t.thema: t for t in nieuw.themas}

    def onderdeel(t: ThemaInJaar, model: Model, **rest) -> Onderdeel:
        return Onderdeel(md(model.themas[t.thema].naam), _pad(thema_url(t.jaar, t.thema)), **rest)
    return Sectie(
        f"Thema's in {nieuw.jaar}",
        nieuw=tuple(onderdeel(b[t], paar.nieuw, uitleg="" if b[t].afspraken else "nog zonder afspraken")
                    for t in b if t not in a),
        weg=tuple(onderdeel(a[t], paar.oud, uitleg="de themapagina verdwijnt") for t in a if t not in b),
        gewijzigd=tuple(onderdeel(b[t], paar.nieuw, velden=tuple(v))
                        for t in b if t in a and (v := velden(a[t], b[t], paar))),
    )


# What a commitment's page shows of the commitments that point at it: the heading it is
# under on the page, the ids of those commitments, the ids the commitment itself names
# under that heading (a link the page has either way), and how one relates (still / no longer).
TERUGVERWIJZINGEN = (
    ("In andere jaren", lambda model, a: [x.id for x in model.opvolgers(a.id)],
     lambda a: [a.voortzetting_van], "die deze afspraak voortzet", "die deze afspraak voortzette"),
    ("Hangt samen met", lambda model, a: [x.id for x in model.genoemd_bij(a.id)],
     lambda a: [r.afspraak for r in a.gerelateerd],
     "die naar deze afspraak verwijst", "die naar deze afspraak verwees"),
)


def _andere_links(oud: Afspraak, nieuw: Afspraak, paar: Paar) -> str:
    """The links to other commitments that appear on or vanish from a commitment's page
    because those commitments point at it (a new year continuing it); "" when none do.
    What the commitment itself names is one of its own fields, reported as such."""
    delen = []
    for kop, van_anderen, eigen, nu, toen in TERUGVERWIJZINGEN:
        a, b = van_anderen(paar.oud, oud), van_anderen(paar.nieuw, nieuw)
        op_a, op_b = {*a, *eigen(oud)}, {*b, *eigen(nieuw)}  # every link under the heading
        delen += [f"bij {aanhalen(kop)} komt een link naar {aanhalen(md(afspraaknaam(i, paar.nieuw)))}, {nu}"
                  for i in b if i not in op_a]
        delen += [f"bij {aanhalen(kop)} verdwijnt de link naar {aanhalen(md(afspraaknaam(i, paar.oud)))}, {toen}"
                  for i in a if i not in op_b]
    return "; ".join(delen)


def _meeveranderd(oud: Jaar, nieuw: Jaar, paar: Paar) -> Sectie:
    a = {x.nummer: x for x in oud.afspraken}
    return Sectie(
        "Pagina's die meeveranderen",
        tekst="Op de pagina van deze afspraken komt een link naar een andere afspraak bij, of verdwijnt er "
              "een, omdat die andere afspraak nieuw is, weg is of is gewijzigd:",
        meeveranderd=tuple(Onderdeel(_naam_afspraak(x), _pad(afspraak_url(x.id)), uitleg, meekijken=_partijen(x))
                           for x in nieuw.afspraken
                           if x.nummer in a and (uitleg := _andere_links(a[x.nummer], x, paar))),
    )


def _jaarschijf(oud: Jaar, nieuw: Jaar, paar: Paar) -> Sectie:
    v = tuple(velden(oud, nieuw, paar))
    return Sectie("Het jaar zelf: inleiding, rollen, ondertekening",
                  gewijzigd=(Onderdeel(md(nieuw.titel), _pad(jaar_url(nieuw.jaar)), velden=v),) if v else ())



def _jaar(oud: Jaar, nieuw: Jaar, paar: Paar) -> Hoofdstuk | None:
    afspraken = _afspraken(oud, nieuw, paar)
    voortgang = nieuwe_regels(oud, nieuw, paar.nieuw)
    secties = tuple(s for s in (afspraken, _themas_in_jaar(oud, nieuw, paar), _jaarschijf(oud, nieuw, paar),
                                _meeveranderd(oud, nieuw, paar), voortgang) if s)
    if not secties:
        return None
    telling = ", ".join(f"{len(lijst)} {wat}" for wat, lijst in (
        ("nieuw", afspraken.nieuw), ("weg", afspraken.weg), ("gewijzigd", afspraken.gewijzigd)) if lijst)
    tekst = ((f"Afspraken: {telling}.",) if telling else ()) + (
        (f"Nieuwe voortgang: {met_aantal(len(voortgang.nieuw), 'regel', 'regels')}.",) if voortgang else ())
    return Hoofdstuk(str(nieuw.jaar), tekst, secties)


def _namen(namen: list[str]) -> str:
    """'A', 'A en B', 'A, B en C'."""
    return " en ".join(filter(None, (", ".join(namen[:-1]), namen[-1])))


def _inhoud(j: Jaar, model: Model) -> str:
    """What a year holds, in words: its commitments and the themes that have them. A theme
    without commitments (as `make nieuw-jaar` makes them) is not content, only a page to fill."""
    if not j.afspraken:
        return "Er staan nog geen afspraken in."
    leeg = [md(model.themas[t.thema].naam) for t in j.themas if not t.afspraken]
    tekst = (f"Het heeft {met_aantal(len(j.afspraken), 'afspraak', 'afspraken')} in "
             f"{met_aantal(len(j.themas) - len(leeg), 'thema', 'thema’s')}.")
    if leeg:
        tekst += (f" Het thema {leeg[0]} heeft" if len(leeg) == 1 else f" De thema’s {_namen(leeg)} hebben")
        tekst += " nog geen afspraken."
    return tekst


def _nieuw_jaar(j: Jaar, model: Model) -> Hoofdstuk:
    tekst = " ".join([f"Nieuw jaar op de site: {md(j.titel)} ({code(_pad(jaar_url(j.jaar)))}).",
                      _inhoud(j, model), *([] if j.ondertekening else ["Het is nog niet ondertekend."])])
    afspraken = Sectie("Afspraken", nieuw=tuple(_nieuwe_afspraak(a, model) for a in j.afspraken))
    secties = tuple(s for s in (afspraken, nieuwe_regels(None, j, model)) if s)
    return Hoofdstuk(f"{j.jaar} (nieuw)", (tekst,), secties, iedereen=True)


def _jaar_weg(j: Jaar) -> Hoofdstuk:
    wat = f"met {met_aantal(len(j.afspraken), 'afspraak', 'afspraken')}" if j.afspraken else "nog zonder afspraken"
    return Hoofdstuk(f"{j.jaar} (weg)", (
        f"Dit jaar verdwijnt van de site: {md(j.titel)}, {wat}. Alle pagina's onder "
        f"{code(_pad(jaar_url(j.jaar)))} verdwijnen.",), iedereen=True)


# Shared data: (section heading, model attribute, the field that names each thing).
GEDEELD = (
    ("Thema's", "themas", "naam"),
    ("Partijen", "partijen", "naam"),
    ("Groepen van partijen", "groepen", "naam"),
    ("Plaatsen", "plaatsen", "naam"),
    ("Beleidsstukken", "documenten", "titel"),
    ("Begrippen", "begrippen", "term"),
)


def _gemeente(paar: Paar) -> Sectie:
    """The municipality: its name is in the site's name, on every page (everyone reviews)."""
    a, b = paar.oud.gemeente, paar.nieuw.gemeente
    if a == b:
        return Sectie("Gemeente")
    if not a.naam:  # compared with nothing
        return Sectie("Gemeente", nieuw=(Onderdeel(md(b.naam), uitleg=f"de site heet {aanhalen(md(b.sitenaam))}"),))
    site = (Veld("Naam van de site, op elke pagina", (was_wordt("sitenaam", a.sitenaam, b.sitenaam, paar),)),)
    return Sectie("Gemeente", gewijzigd=(Onderdeel(md(b.naam), velden=(
        *velden(a, b, paar), *(site if a.sitenaam != b.sitenaam else ()))),))


def _gedeeld(paar: Paar) -> Hoofdstuk | None:
    secties = [_gemeente(paar)]
    for kop, attribuut, naamveld in GEDEELD:
        a, b = getattr(paar.oud, attribuut), getattr(paar.nieuw, attribuut)
        # a party's own data is for that party to review; the rest concerns everyone
        wie = (lambda k: frozenset({k})) if attribuut == "partijen" else (lambda k: None)
        secties.append(Sectie(
            kop,
            nieuw=tuple(Onderdeel(md(getattr(b[k], naamveld)), meekijken=wie(k)) for k in b if k not in a),
            weg=tuple(Onderdeel(md(getattr(a[k], naamveld)), meekijken=wie(k)) for k in a if k not in b),
            gewijzigd=tuple(Onderdeel(md(getattr(b[k], naamveld)), velden=tuple(v), meekijken=wie(k))
                            for k in b if k in a and (v := velden(a[k], b[k], paar))),
        ))
    secties = [s for s in secties if s]
    return Hoofdstuk("Voor alle jaren", secties=tuple(secties)) if secties else None


def vergelijk(oud: Model, nieuw: Model) -> Overzicht:
    """What changes for readers from `oud` to `nieuw`: newest year first, then shared data."""
    paar = Paar(oud, nieuw)
    hoofdstukken: list[Hoofdstuk | None] = []
    for jaar in sorted(set(oud.jaren) | set(nieuw.jaren), reverse=True):
        if jaar not in oud.jaren:
            hoofdstukken.append(_nieuw_jaar(nieuw.jaren[jaar], nieuw))
        elif jaar not in nieuw.jaren:
            hoofdstukken.append(_jaar_weg(oud.jaren[jaar]))
        else:
            hoofdstukken.append(_jaar(oud.jaren[jaar], nieuw.jaren[jaar], paar))
    hoofdstukken.append(_gedeeld(paar))
    gevonden = tuple(h for h in hoofdstukken if h)
    fout = tuple(p for j in sorted(set(oud.jaren) & set(nieuw.jaren), reverse=True)
                 for p in problemen(oud.jaren[j], nieuw.jaren[j]))
    return Overzicht(gevonden, _meekijken(gevonden, paar), fout)


def _meekijken(hoofdstukken: tuple[Hoofdstuk, ...], paar: Paar) -> tuple[str, ...]:
    """The names of the parties who should review, in the order of partijen.yaml."""
    if not hoofdstukken:
        return ()
    onderdelen = [o for h in hoofdstukken for o in h.onderdelen]
    if any(h.iedereen for h in hoofdstukken) or any(o.meekijken is None for o in onderdelen):
        ids = set(paar.nieuw.partijen)
    else:
        ids = set().union(*(o.meekijken for o in onderdelen))
    volgorde = [*paar.nieuw.partijen, *(p for p in paar.oud.partijen if p not in paar.nieuw.partijen)]
    return tuple(naam_van("partij", p, paar.nieuw if p in paar.nieuw.partijen else paar.oud)
                 for p in volgorde if p in ids)
