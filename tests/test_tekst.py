"""Data text reaches a page escaped: no HTML, no Jinja, no scripts from YAML."""
from macros.model import normaal
from macros.tekst import alineas


def test_html_in_data_wordt_tekst():
    html = alineas('<script>alert("x")</script> en <a href="javascript:alert(1)">klik</a>')
    assert "<script>" not in html and "<a " not in html
    assert "&lt;script&gt;" in html


def test_jinja_in_data_blijft_tekst():
    assert "{{ config }}" in alineas("{{ config }}")


def test_alineas_en_gaten():
    html = alineas(normaal("Eerste\nregel.\n\n  Tweede […] alinea.\n"))
    assert html == ('<p>Eerste regel.</p>\n<p>Tweede <span class="gat" title="Hier ontbreken woorden in de bron">'
                    '[…]</span> alinea.</p>')


def test_normaal_vouwt_regels_binnen_een_alinea():
    assert normaal("a\n b\n\n\n c  d\n") == "a b\n\nc d"
