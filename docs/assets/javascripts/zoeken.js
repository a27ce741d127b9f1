/*
 * The site's search (overrides/partials/zoeken.html; the data: macros/paginas/zoekindex.py).
 *
 * A page loads only its own year's search file and the fixed pages' file, when the reader
 * opens the search: what a phone downloads does not grow with the number of years. The
 * other years are loaded when the reader asks for them. Nothing leaves the site.
 *
 * Word forms: a word and a query word match exactly, by their stem (the rule `stam`
 * below, the one place it is written), or when the query is the start of a word. Exact
 * matches count most, then stems, then beginnings; a title counts more than a text, and a
 * commitment's own page more than a page that mentions it. Pages with every word of the
 * question come before pages with some of them.
 */
(function () {
  'use strict';

  // --- words -------------------------------------------------------------------------

  function woorden(tekst) {
    return (tekst || '').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      .match(/[a-z0-9]+/g) || [];
  }

  // A light Dutch stem: plural and verb endings off, long vowels and the z/v of the
  // plural as in the singular: grondprijzen and grondprijs, verduurzamen and verduurzaamt.
  function stam(woord) {
    let w = woord;
    if (/^[0-9]+$/.test(w) || w.length <= 3) {
      return w;
    }
    if (w.endsWith('heden')) {
      w = w.slice(0, -5) + 'heid';
    } else if (w.length > 5 && w.endsWith('en')) {
      w = w.slice(0, -2);
    } else if (w.length > 4 && /[^aeiouyjs]s$/.test(w)) {
      w = w.slice(0, -1);
    } else if (w.length > 4 && /[^aeiouy]e$/.test(w)) {
      w = w.slice(0, -1);
    } else if (w.length > 6 && /[aeiouy][lmnr]t$/.test(w) && !/[ae]nt$/.test(w)) {
      w = w.slice(0, -1);
    }
    w = w.replace(/([bdfgklmnprst])\1$/, '$1');
    w = w.replace(/z$/, 's').replace(/v$/, 'f');
    return w.replace(/(aa|ee|oo|uu)/g, (m) => m[0]);
  }

  // The word rules, for the tests of the search (tests/browser/test_zoeken.py).
  window.paZoeken = Object.freeze({woorden, stam});

  const wortel = document.querySelector('[data-pa-zoeken]');
  if (!wortel) {
    return;
  }
  const basis = new URL(wortel.dataset.basis, location.href);
  const eigenJaar = Number(wortel.dataset.jaar) || null;
  const open = wortel.querySelector('.pa-zoeken__open');
  const paneel = wortel.querySelector('.pa-zoeken__paneel');
  const veld = wortel.querySelector('#pa-zoekvraag');
  const stand = wortel.querySelector('.pa-zoeken__stand');
  const lijst = wortel.querySelector('.pa-zoeken__lijst');
  const alle = wortel.querySelector('.pa-zoeken__alle');
  const sluit = wortel.querySelector('.pa-zoeken__sluit');
  const MAXIMUM = 50;

  // --- the index of what is loaded ---------------------------------------------------

  const documenten = [];
  const woordenlijst = new Map(); // word -> {stam, plekken: [[document, in title]]}
  const geladen = new Map(); // file -> Promise

  function voegToe(docs) {
    for (const doc of docs) {
      documenten.push(doc);
      for (const [veld, titel] of [[doc.t, true], [doc.x, false]]) {
        for (const w of new Set(woorden(veld))) {
          let item = woordenlijst.get(w);
          if (!item) {
            item = {stam: stam(w), plekken: []};
            woordenlijst.set(w, item);
          }
          item.plekken.push([doc, titel]);
        }
      }
    }
  }

  // A file of the site's search data, fetched once.
  function haal(bestand) {
    if (!geladen.has(bestand)) {
      geladen.set(bestand, fetch(new URL(bestand, basis)).then((antwoord) => {
        if (!antwoord.ok) {
          throw new Error(bestand + ': ' + antwoord.status);
        }
        return antwoord.json();
      }));
    }
    return geladen.get(bestand);
  }

  // A file of pages, added to what is searched (once).
  const toegevoegd = new Set();
  function laad(bestand) {
    return haal(bestand).then((docs) => {
      if (!toegevoegd.has(bestand)) {
        toegevoegd.add(bestand);
        voegToe(docs);
      }
    });
  }

  function laadEigen() {
    const bestanden = ['zoeken/site.json'];
    if (eigenJaar) {
      bestanden.push('zoeken/' + eigenJaar + '.json');
    }
    return Promise.all(bestanden.map(laad));
  }

  let alleJaren = false;

  function laadAlle() {
    return haal('zoeken/jaren.json').then((jaren) => Promise.all(
      jaren.map((jaar) => laad('zoeken/' + jaar + '.json'))));
  }

  // --- searching ---------------------------------------------------------------------

  function score(vraag) {
    const termen = [...new Set(woorden(vraag))];
    if (!termen.length) {
      return [];
    }
    const perDoc = new Map(); // document -> [points per term]
    termen.forEach((term, i) => {
      const termStam = stam(term);
      for (const [w, item] of woordenlijst) {
        let niveau = 0;
        if (w === term) {
          niveau = 3;
        } else if (item.stam === termStam) {
          niveau = 2;
        } else if (term.length >= 3 && !/^[0-9]+$/.test(term)
                   && (w.startsWith(term) || item.stam.startsWith(termStam))) {
          niveau = 1;
        }
        if (!niveau) {
          continue;
        }
        for (const [doc, inTitel] of item.plekken) {
          let punten = perDoc.get(doc);
          if (!punten) {
            punten = new Array(termen.length).fill(0);
            perDoc.set(doc, punten);
          }
          punten[i] = Math.max(punten[i], niveau * (inTitel ? 5 : 1));
        }
      }
    });
    const uitkomst = [];
    for (const [doc, punten] of perDoc) {
      // pages with every word of the question first; then those with some of them
      const gevonden = punten.filter((p) => p > 0).length;
      // a commitment's own page first; a page about the site (front matter search.boost) last
      const soort = (doc.s === 'afspraak' ? 1.5 : (doc.s === 'pagina' ? 0.8 : 1)) * (doc.b || 1);
      uitkomst.push({doc, gevonden, score: punten.reduce((a, b) => a + b, 0) * soort});
    }
    const eigen = (doc) => (doc.j === undefined || doc.j === eigenJaar ? 0 : 1);
    uitkomst.sort((a, b) => eigen(a.doc) - eigen(b.doc) || b.gevonden - a.gevonden || b.score - a.score
                  || (b.doc.j || 0) - (a.doc.j || 0) || (a.doc.n || 0) - (b.doc.n || 0));
    return uitkomst;
  }

  // --- showing -----------------------------------------------------------------------

  function fragment(doc, vraagwoorden) {
    const tekst = doc.x || '';
    if (!tekst) {
      return null;
    }
    const stammen = new Set(vraagwoorden.map(stam));
    const klein = tekst.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    let begin = 0;
    const treffer = /[a-z0-9]+/g;
    let m;
    while ((m = treffer.exec(klein))) {
      if (vraagwoorden.some((v) => m[0].startsWith(v)) || stammen.has(stam(m[0]))) {
        begin = Math.max(0, m.index - 60);
        break;
      }
    }
    const stuk = (begin > 0 ? '…' : '') + tekst.slice(begin, begin + 200)
      + (begin + 200 < tekst.length ? '…' : '');
    const p = document.createElement('p');
    p.className = 'pa-zoeken__fragment';
    for (const deel of stuk.split(/([\p{L}\p{N}]+)/u)) {
      const n = woorden(deel)[0];
      if (n && (vraagwoorden.some((v) => n.startsWith(v)) || stammen.has(stam(n)))) {
        const mark = document.createElement('mark');
        mark.textContent = deel;
        p.append(mark);
      } else {
        p.append(deel);
      }
    }
    return p;
  }

  function omschrijving(doc) {
    const delen = [];
    if (doc.j) {
      delen.push(String(doc.j));
    }
    if (doc.th) {
      delen.push('thema ' + doc.th);
    }
    if (doc.s === 'begrip') {
      delen.push('begrip');
    } else if (doc.s === 'pagina') {
      delen.push('pagina van deze site');
    }
    return delen.join(' · ');
  }

  function bereik() {
    return alleJaren || !eigenJaar ? 'in alle jaren' : 'in ' + eigenJaar;
  }

  function toon(vraag) {
    lijst.replaceChildren();
    lijst.dataset.vraag = vraag; // what the list shows the results of (also for the tests)
    lijst.dataset.bereik = alleJaren || !eigenJaar ? 'alle' : String(eigenJaar);
    if (!woorden(vraag).length) {
      stand.textContent = '';
      return;
    }
    const uitkomst = score(vraag);
    const vraagwoorden = woorden(vraag);
    for (const {doc} of uitkomst.slice(0, MAXIMUM)) {
      const li = document.createElement('li');
      li.className = 'pa-zoeken__resultaat';
      const a = document.createElement('a');
      a.href = new URL(doc.u, basis).href;
      a.textContent = doc.t;
      const meta = document.createElement('p');
      meta.className = 'pa-zoeken__meta';
      meta.textContent = omschrijving(doc);
      li.append(a, meta);
      const f = fragment(doc, vraagwoorden);
      if (f) {
        li.append(f);
      }
      lijst.append(li);
    }
    const n = uitkomst.length;
    stand.textContent = (n === 0 ? 'Geen resultaten ' : n === 1 ? '1 resultaat ' : n + ' resultaten ')
      + bereik() + (n > MAXIMUM ? '; de eerste ' + MAXIMUM + ' staan hieronder.' : '.');
  }

  let wacht = null;

  function zoek() {
    const vraag = veld.value;
    clearTimeout(wacht);
    wacht = setTimeout(() => {
      const klaar = alleJaren ? laadAlle() : laadEigen();
      if (woorden(vraag).length && !documenten.length) {
        stand.textContent = 'Zoeken…';
      }
      klaar.then(() => {
        if (veld.value === vraag) {
          toon(vraag);
        }
      }).catch(() => {
        stand.textContent = 'Zoeken lukt nu niet. Probeer het later nog eens.';
      });
    }, 80);
  }

  // --- opening and closing -----------------------------------------------------------

  function openPaneel() {
    paneel.hidden = false;
    open.setAttribute('aria-expanded', 'true');
    veld.focus();
    laadEigen().catch(() => {});
    haal('zoeken/jaren.json').then((jaren) => {
      alle.hidden = alleJaren || jaren.length < 2 || !eigenJaar;
    }).catch(() => {});
  }

  function sluitPaneel() {
    paneel.hidden = true;
    open.setAttribute('aria-expanded', 'false');
    open.focus();
  }

  open.addEventListener('click', () => (paneel.hidden ? openPaneel() : sluitPaneel()));
  sluit.addEventListener('click', sluitPaneel);
  veld.addEventListener('input', zoek);
  wortel.querySelector('form').addEventListener('submit', (e) => {
    e.preventDefault();
    zoek();
  });
  paneel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      sluitPaneel();
    }
  });
  alle.addEventListener('click', () => {
    alleJaren = true;
    alle.hidden = true;
    veld.focus();
    zoek();
  });

  // The search box on the home page sends its question here as ?q=.
  const vraag = new URLSearchParams(location.search).get('q');
  if (vraag) {
    openPaneel();
    veld.value = vraag;
    zoek();
  }
})();
