"""Data text reaches a page escaped: no HTML, no Jinja, no scripts from YAML.

Unit tests on text built here, and the glossary of the fixture set `een-jaar`.
"""
from macros.gegevens.tekstregels import normaal
from macros.paginas.tekst import Termen, alineas, zoals_getoond


def test_html_in_data_wordt_tekst():
    html = alineas('<script>alert("x")</script> en <a href="javascript:alert(1)">klik</a>')
    assert "<script>" not in html and "<a " not in html
    assert "&lt;script&gt;" in html


def test_jinja_in_data_blijft_tekst():
    assert "{{ config }}" in alineas("{{ config }}")


def test_alineas_en_gaten():
    html = alineas(normaal("Eerste\nregel.\n\n  Tweede […] alinea.\n"))
    assert html == ('<p>Eerste regel.</p>\n<p>Tweede <span class="gat" title="Hier is de tekst van het document '
                    'niet te lezen">[…]</span> alinea.</p>')


def test_zo_in_het_document_is_geen_gat():
    """[sic]: the signed text reads so. The page shows it in words, distinct from a gap."""
    html = alineas("Voorafgaand aan elk jaar [sic] een nieuwe jaarschijf […] opgesteld.")
    assert html == ('<p>Voorafgaand aan elk jaar <span class="pa-sic" title="Zo staat het in het document zelf, ook al '
                    'lijkt er iets te ontbreken of niet te kloppen">[zo in het document]</span> een nieuwe jaarschijf '
                    '<span class="gat" title="Hier is de tekst van het document niet te lezen">[…]</span> opgesteld.</p>')
    assert zoals_getoond("a [sic] b […] c") == "a [zo in het document] b […] c"


def test_normaal_vouwt_regels_binnen_een_alinea():
    assert normaal("a\n b\n\n\n c  d\n") == "a b\n\nc d"


def _uitleg():
    from macros.gegevens.model import Begrip
    return Termen({
        "huurachterstand": Begrip("huurachterstand", "huurachterstand", "Huur die nog betaald moet worden."),
        "woningcorporatie": Begrip("woningcorporatie", "woningcorporatie", "Verhuurder.",
                                   vormen=("corporaties", "corporatie")),
    }).uitleg()


def test_eerste_keer_dat_een_begrip_voorkomt_linkt_naar_de_uitleg():
    uitleg = _uitleg()
    html = alineas("Corporaties en de corporatie.\n\nOok huurachterstand, weer een huurachterstand.", uitleg)
    assert html == ('<p><a class="pa-begrip" href="#begrip-woningcorporatie">Corporaties</a> en de corporatie.</p>\n'
                    '<p>Ook <a class="pa-begrip" href="#begrip-huurachterstand">huurachterstand</a>, '
                    'weer een huurachterstand.</p>')
    assert uitleg.gebruikt == ["woningcorporatie", "huurachterstand"]


def test_begrip_alleen_als_heel_woord_en_tekst_blijft_ge_escaped():
    uitleg = _uitleg()
    html = alineas("<b>huurachterstanden</b> zijn geen huurachterstand […]", uitleg)
    assert html.startswith("<p>&lt;b&gt;huurachterstanden&lt;/b&gt; zijn geen <a class=")
    assert html.endswith('<span class="gat" title="Hier is de tekst van het document niet te lezen">[…]</span></p>')


def test_begrippen_uit_de_gegevens_met_hun_vormen(een_jaar):
    """A glossary term loaded from YAML is found in a commitment's text in another form."""
    afspraak = een_jaar.afspraak("2030-4")
    vorm = next(v for v in een_jaar.begrippen["huurachterstand"].vormen if v in afspraak.tekst)
    uitleg = Termen(een_jaar.begrippen).uitleg()
    html = alineas(afspraak.tekst, uitleg)
    assert f'<a class="pa-begrip" href="#begrip-huurachterstand">{vorm}</a>' in html
    assert uitleg.gebruikt == ["huurachterstand"]


def test_zonder_begrippen_blijft_tekst_alleen_ge_escaped():
    uitleg = Termen({}).uitleg()
    assert alineas("<b>huurachterstand</b>", uitleg) == "<p>&lt;b&gt;huurachterstand&lt;/b&gt;</p>"
    assert uitleg.gebruikt == []


def test_kop_neutraliseert_markdown_en_html():
    from macros.paginas.tekst import kop
    assert kop("# <i>x</i> *y* [z](u) {{ a }}") == r"\# &lt;i&gt;x&lt;/i&gt; \*y\* \[z\](u) \{\{ a \}\}"


def test_het_langste_begrip_wint():
    """A term inside a longer term with its own entry links to the longer one."""
    from macros.gegevens.model import Begrip
    uitleg = Termen({
        "lokaal": Begrip("lokaal", "prestatieafspraken", "Afspraken in de gemeente."),
        "landelijk": Begrip("landelijk", "nationale prestatieafspraken", "Afspraken voor het land.",
                            vormen=("landelijke prestatieafspraken",)),
    }).uitleg()
    html = alineas("De landelijke prestatieafspraken en de prestatieafspraken.", uitleg)
    assert html == ('<p>De <a class="pa-begrip" href="#begrip-landelijk">landelijke prestatieafspraken</a> en de '
                    '<a class="pa-begrip" href="#begrip-lokaal">prestatieafspraken</a>.</p>')
