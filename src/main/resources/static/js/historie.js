// Historie: draws the charts from /api/historie (same parameters as the page).
(function () {
  const el = document.getElementById('historie-data');
  if (!el || typeof Chart === 'undefined') { return; }
  const q = new URLSearchParams({ dagen: el.dataset.dagen, per: el.dataset.per, groep: el.dataset.groep });
  fetch('/api/historie?' + q, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
    .then(r => r.json())
    .then(h => {
      const labels = h.tijdlijn.map(t => t.label);
      new Chart(document.getElementById('grafiek-doorvoer'), {
        type: 'bar',
        data: { labels, datasets: [
          { label: 'Ontvangen', data: h.tijdlijn.map(t => t.ontvangen), backgroundColor: '#0b4f8a' },
          { label: 'Afgeleverd', data: h.tijdlijn.map(t => t.afgeleverd), backgroundColor: '#196c2e' },
          { label: 'Afgekeurd', data: h.tijdlijn.map(t => t.afgekeurd), backgroundColor: '#a4161a' } ] },
        options: { maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
      });
      new Chart(document.getElementById('grafiek-doorlooptijd'), {
        type: 'line',
        data: { labels, datasets: [ { label: 'Gemiddelde doorlooptijd (ms)', data: h.tijdlijn.map(t => t.gemiddeldeDoorlooptijdMs),
          borderColor: '#8a5300', backgroundColor: '#8a5300', spanGaps: true } ] },
        options: { maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true } } }
      });
      document.body.dataset.grafiekenKlaar = 'ja';
    });
})();
