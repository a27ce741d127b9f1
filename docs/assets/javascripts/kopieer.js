/*
 * "Kopieer verwijzing" buttons in citation blocks (div.pa-citeer).
 *
 * The buttons are rendered with the hidden attribute: without JavaScript, or
 * when this browser cannot copy at all, the citation text is still there to
 * select by hand and no useless button is shown.
 */
(function () {
  'use strict';

  const knoppen = document.querySelectorAll('button.pa-kopieer[data-kopieer]');
  if (!knoppen.length) {
    return;
  }

  const GELUKT = 'Verwijzing gekopieerd.';
  const MISLUKT = 'Kopiëren lukte niet. Selecteer de tekst en kopieer hem zelf.';
  const WISSEN_NA_MS = 5000;

  // The Clipboard API needs a secure context (https, or http://127.0.0.1 /
  // localhost). Elsewhere the older execCommand('copy') usually still works.
  const heeftKlembord = Boolean(
    navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext);
  let heeftExecCommand = typeof document.execCommand === 'function';
  if (heeftExecCommand && typeof document.queryCommandSupported === 'function') {
    try {
      heeftExecCommand = document.queryCommandSupported('copy');
    } catch (fout) {
      heeftExecCommand = false;
    }
  }
  if (!heeftKlembord && !heeftExecCommand) {
    return; // leave the buttons hidden
  }

  // The text that is copied: what the reader sees, on one line.
  function tekstVan(doel) {
    return doel.textContent.replace(/\s+/g, ' ').trim();
  }

  // Fallback: select the visible citation and copy the selection. When this
  // fails the text stays selected, which helps the reader copy it by hand.
  function kopieerViaSelectie(doel) {
    const selectie = window.getSelection();
    if (!selectie) {
      return false;
    }
    const bereik = document.createRange();
    bereik.selectNodeContents(doel);
    selectie.removeAllRanges();
    selectie.addRange(bereik);
    let gelukt = false;
    try {
      gelukt = document.execCommand('copy');
    } catch (fout) {
      gelukt = false;
    }
    if (gelukt) {
      selectie.removeAllRanges();
    }
    return gelukt;
  }

  function kopieer(doel) {
    if (heeftKlembord) {
      return navigator.clipboard.writeText(tekstVan(doel)).catch(function () {
        // E.g. permission denied: try the old way before giving up.
        if (heeftExecCommand && kopieerViaSelectie(doel)) {
          return undefined;
        }
        throw new Error('kopiëren mislukt');
      });
    }
    return kopieerViaSelectie(doel) ?
      Promise.resolve() : Promise.reject(new Error('kopiëren mislukt'));
  }

  // Timers per status element, so a second click restarts the 5 seconds.
  const timers = new WeakMap();

  function meld(status, tekst, tijdelijk) {
    window.clearTimeout(timers.get(status));
    // Empty first and write a moment later: a role="status" region only
    // announces a change, and a repeated click produces the same text.
    status.textContent = '';
    timers.set(status, window.setTimeout(function () {
      status.textContent = tekst;
      if (tijdelijk) {
        timers.set(status, window.setTimeout(function () {
          status.textContent = '';
        }, WISSEN_NA_MS));
      }
    }, 100));
  }

  knoppen.forEach(function (knop) {
    const doel = document.getElementById(knop.dataset.kopieer);
    if (!doel) {
      return; // nothing to copy: keep the button hidden
    }
    const blok = knop.closest('.pa-citeer');
    const status = (blok || knop.parentNode).querySelector('.pa-kopieer-status');

    knop.hidden = false;
    knop.addEventListener('click', function () {
      kopieer(doel).then(function () {
        if (status) {
          meld(status, GELUKT, true);
        }
      }, function () {
        // The failure message stays until the next click: it tells what to do.
        if (status) {
          meld(status, MISLUKT, false);
        }
      });
    });
  });
}());
