// Sortable tables: progressive enhancement of <table class="sortable">. Without JavaScript the
// table keeps its server-side order. Headers with data-sort become buttons; cells carry their
// raw value in data-value. The current order is announced through aria-sort.
(function () {
  for (const hint of document.querySelectorAll('.js-only')) hint.hidden = false;
  for (const table of document.querySelectorAll('table.sortable')) {
    const heads = table.querySelectorAll('thead th');
    heads.forEach(function (th, col) {
      const kind = th.getAttribute('data-sort');
      if (!kind) return;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.textContent = th.textContent;
      th.textContent = '';
      th.appendChild(button);
      button.addEventListener('click', function () {
        const asc = th.getAttribute('aria-sort') !== 'ascending';
        heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        const body = table.tBodies[0];
        const rows = Array.from(body.rows);
        rows.sort(function (a, b) {
          const x = a.cells[col].getAttribute('data-value') || '';
          const y = b.cells[col].getAttribute('data-value') || '';
          if (kind === 'number') {
            if (x === '' && y === '') return 0;
            if (x === '') return 1;
            if (y === '') return -1;
            return asc ? Number(x) - Number(y) : Number(y) - Number(x);
          }
          return asc ? x.localeCompare(y, document.documentElement.lang) : y.localeCompare(x, document.documentElement.lang);
        });
        for (const r of rows) body.appendChild(r);
      });
    });
  }
})();
