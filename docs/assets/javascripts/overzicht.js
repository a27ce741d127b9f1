/*
 * Filters and sorting for the overview table on /<jaar>/afspraken/.
 *
 * The page is complete without JavaScript: the server renders every row in
 * number order and the filter form is not shown (class pa-alleen-met-script:
 * with JavaScript the page head shows it before the first paint, so the page
 * does not shift). This script only adds filtering, sorting and a shareable
 * address (query string) on top, and lets the year switcher's links carry
 * that address to the other years.
 */
(function () {
  'use strict';

  const tabel = document.getElementById('afspraken-tabel');
  if (!tabel || !tabel.tBodies.length) {
    return; // not the overview page
  }

  const formulier = document.getElementById('afspraken-filters');
  const aantal = document.getElementById('afspraken-aantal');
  const tbody = tabel.tBodies[0];
  const rijen = Array.from(tbody.rows);
  const totaal = rijen.length;

  // Filter name -> attribute of the row it is matched against. "thema" and
  // "status" (the commitment's current status) are single values; the others
  // are space-separated lists. "plaatsfilter" holds
  // the places the row names and the places those lie in, so a village also
  // finds the commitments about its neighbourhoods.
  const FILTERS = {
    thema: { attribuut: 'thema', lijst: false },
    partij: { attribuut: 'partijen', lijst: true },
    plaats: { attribuut: 'plaatsfilter', lijst: true },
    status: { attribuut: 'status', lijst: false },
  };

  const STANDAARD_SORTERING = { sleutel: 'nummer', oplopend: true };

  const selects = {};
  if (formulier) {
    Object.keys(FILTERS).forEach(function (naam) {
      const select = formulier.querySelector('select[name="' + naam + '"]');
      if (select) {
        selects[naam] = select;
      }
    });
  }

  // Column headers that can sort, keyed by their data-sorteer value.
  const koppen = {};
  tabel.querySelectorAll('thead th[data-sorteer]').forEach(function (th) {
    koppen[th.dataset.sorteer] = th;
  });

  let sortering = Object.assign({}, STANDAARD_SORTERING);

  /* ---------- sorting ---------- */

  function nummerVan(rij) {
    return rij.dataset.nummer || '';
  }

  // Numbers are compared as numbers; the numeric collation also keeps
  // possible suffixes such as "18a" in a sensible place.
  function vergelijkNummer(a, b) {
    const na = Number(nummerVan(a));
    const nb = Number(nummerVan(b));
    if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) {
      return na - nb;
    }
    return nummerVan(a).localeCompare(nummerVan(b), 'nl', { numeric: true });
  }

  const VERGELIJKERS = {
    nummer: vergelijkNummer,
    titel: function (a, b) {
      const uitkomst = (a.dataset.titel || '').localeCompare(
        b.dataset.titel || '', 'nl', { sensitivity: 'base' });
      return uitkomst || vergelijkNummer(a, b);
    },
    thema: function (a, b) {
      const uitkomst = Number(a.dataset.themaVolgorde || 0) -
        Number(b.dataset.themaVolgorde || 0);
      return uitkomst || vergelijkNummer(a, b);
    },
  };

  function sorteerbaar(sleutel) {
    return Object.prototype.hasOwnProperty.call(VERGELIJKERS, sleutel) &&
      Object.prototype.hasOwnProperty.call(koppen, sleutel);
  }

  function sorteren() {
    const vergelijk = VERGELIJKERS[sortering.sleutel];
    const richting = sortering.oplopend ? 1 : -1;
    const volgorde = rijen.slice().sort(function (a, b) {
      return richting * vergelijk(a, b);
    });
    // Appending existing rows moves them; one fragment means one reflow.
    const fragment = document.createDocumentFragment();
    volgorde.forEach(function (rij) {
      fragment.appendChild(rij);
    });
    tbody.appendChild(fragment);

    // aria-sort only on the active column, so screen readers announce it.
    Object.keys(koppen).forEach(function (sleutel) {
      if (sleutel === sortering.sleutel) {
        koppen[sleutel].setAttribute('aria-sort',
          sortering.oplopend ? 'ascending' : 'descending');
      } else {
        koppen[sleutel].removeAttribute('aria-sort');
      }
    });
  }

  // Each sortable header gets a real button (keyboard and screen reader
  // friendly); the original header content moves into it.
  Object.keys(koppen).forEach(function (sleutel) {
    const th = koppen[sleutel];
    const knop = document.createElement('button');
    knop.type = 'button';
    while (th.firstChild) {
      knop.appendChild(th.firstChild);
    }
    th.appendChild(knop);
    knop.addEventListener('click', function () {
      if (sortering.sleutel === sleutel) {
        sortering.oplopend = !sortering.oplopend;
      } else {
        sortering = { sleutel: sleutel, oplopend: true };
      }
      toepassen();
    });
  });

  /* ---------- filtering ---------- */

  function huidigeFilters() {
    const waarden = {};
    Object.keys(selects).forEach(function (naam) {
      if (selects[naam].value) {
        waarden[naam] = selects[naam].value;
      }
    });
    return waarden;
  }

  function rijPast(rij, waarden) {
    return Object.keys(waarden).every(function (naam) {
      const regel = FILTERS[naam];
      const inhoud = rij.getAttribute('data-' + regel.attribuut) || '';
      if (regel.lijst) {
        return inhoud.split(/\s+/).indexOf(waarden[naam]) !== -1;
      }
      return inhoud === waarden[naam];
    });
  }

  function aantalTekst(zichtbaar, gefilterd) {
    if (!gefilterd) {
      return totaal === 1 ? '1 afspraak' : 'Alle ' + totaal + ' afspraken';
    }
    if (zichtbaar === 0) {
      return 'Geen afspraken gevonden. Wis een filter om meer te zien.';
    }
    return zichtbaar + ' van de ' + totaal + ' afspraken';
  }

  /* ---------- address (query string) ---------- */

  // The query for the current view; `biedt(naam, waarde)` says whether the
  // target page offers a filter value (the year switcher's other years).
  function query(waarden, biedt) {
    const params = new URLSearchParams();
    Object.keys(FILTERS).forEach(function (naam) {
      if (waarden[naam] && biedt(naam, waarden[naam])) {
        params.set(naam, waarden[naam]);
      }
    });
    if (sortering.sleutel !== STANDAARD_SORTERING.sleutel) {
      params.set('sorteer', sortering.sleutel);
    }
    if (!sortering.oplopend) {
      params.set('richting', 'af');
    }
    return params.toString();
  }

  // The year switcher's links, each with the filter values that year's
  // overview offers (the hidden list #afspraken-jaren, matched by address).
  const jaarlinks = [];
  document.querySelectorAll('#afspraken-jaren [data-adres]').forEach(function (jaar) {
    const keuzes = {};
    Object.keys(FILTERS).forEach(function (naam) {
      keuzes[naam] = (jaar.getAttribute('data-' + naam) || '').split(/\s+/);
    });
    document.querySelectorAll('.pa-jaarkiezer a').forEach(function (link) {
      if (link.getAttribute('href') === jaar.dataset.adres) {
        jaarlinks.push({ link: link, adres: jaar.dataset.adres, keuzes: keuzes });
      }
    });
  });

  // The same view in another year: the filters that year offers, and the order.
  function jaarkiezerBijwerken(waarden) {
    jaarlinks.forEach(function (jaar) {
      const zoek = query(waarden, function (naam, waarde) {
        return jaar.keuzes[naam].indexOf(waarde) !== -1;
      });
      jaar.link.setAttribute('href', jaar.adres + (zoek ? '?' + zoek : ''));
    });
  }

  function adresBijwerken(waarden) {
    const zoek = query(waarden, function () { return true; });
    const nieuw = location.pathname + (zoek ? '?' + zoek : '') + location.hash;
    if (nieuw === location.pathname + location.search + location.hash) {
      return;
    }
    try {
      history.replaceState(history.state, '', nieuw);
    } catch (fout) {
      // Some contexts (file://, sandboxed frames) refuse; the view still works.
    }
  }

  /* ---------- apply everything ---------- */

  function toepassen() {
    const waarden = huidigeFilters();
    let zichtbaar = 0;
    rijen.forEach(function (rij) {
      const toon = rijPast(rij, waarden);
      rij.hidden = !toon;
      if (toon) {
        zichtbaar += 1;
      }
    });
    sorteren();

    if (aantal) {
      const tekst = aantalTekst(zichtbaar, Object.keys(waarden).length > 0);
      // Only a real change is written, so the live region does not repeat itself.
      if (aantal.textContent.trim() !== tekst) {
        aantal.textContent = tekst;
      }
    }
    adresBijwerken(waarden);
    jaarkiezerBijwerken(waarden);
  }

  /* ---------- start: read the address, wire the form ---------- */

  function heeftOptie(select, waarde) {
    return Array.prototype.some.call(select.options, function (optie) {
      return optie.value === waarde;
    });
  }

  const params = new URLSearchParams(location.search);

  // Set every select explicitly (also to "") so a value the browser restored
  // from an earlier visit cannot disagree with the address.
  Object.keys(selects).forEach(function (naam) {
    const waarde = params.get(naam) || '';
    selects[naam].value = heeftOptie(selects[naam], waarde) ? waarde : '';
  });

  const gevraagd = params.get('sorteer');
  if (gevraagd && sorteerbaar(gevraagd)) {
    sortering.sleutel = gevraagd;
  }
  sortering.oplopend = params.get('richting') !== 'af';

  if (formulier) {
    formulier.addEventListener('change', function (event) {
      if (event.target && event.target.tagName === 'SELECT') {
        toepassen();
      }
    });

    // There is no submit button; Enter must not reload the page.
    formulier.addEventListener('submit', function (event) {
      event.preventDefault();
      toepassen();
    });

    // The reset event fires before the browser resets the fields, so wait a
    // tick; then also clear explicitly in case an option carries "selected".
    formulier.addEventListener('reset', function () {
      window.setTimeout(function () {
        Object.keys(selects).forEach(function (naam) {
          selects[naam].value = '';
        });
        sortering = Object.assign({}, STANDAARD_SORTERING);
        toepassen();
      }, 0);
    });
  }

  toepassen();
}());
