// Chart tools (progressive enhancement): tooltips and embed codes
// completed with the site's address (saving a chart as SVG or PNG: src/components/ChartFigure.astro).
// Without JavaScript the chart's table and CSV link remain.
//
// Tooltips read the chart's own table: each chart drawing has a `g.tip-targets` naming its
// targets and their positions: area codes or months (`data-keys`) at `data-xs` (and `data-ys`),
// or, on a time series, the first and last period (`data-periods`) at `data-x`, between which the
// periods lie on the time scale; the figure's table has one row per target (`tr[data-key]`). Hovering or
// focusing the chart shows that row (the exact values with their status words); arrow keys move
// between targets, and the text is announced to screen readers.
(function () {
  for (const el of document.querySelectorAll('[data-needs-js]')) el.hidden = false;
  for (const t of document.querySelectorAll('textarea.embed-code')) {
    const path = t.getAttribute('data-path');
    t.value = t.value.replace('src="' + path, 'src="' + location.origin + path);
  }
  const SVG = 'http://www.w3.org/2000/svg';

  function visibleSvg(box) {
    for (const svg of box.querySelectorAll(':scope > div > svg')) if (svg.getBoundingClientRect().width > 0) return svg;
    return null;
  }

  // A period's time on a chart's axis, as src/lib/periods.ts periodToDate: a month's first day, a year's last.
  function periodTime(p) {
    return p.length === 4 ? Date.UTC(Number(p), 11, 31) : Date.UTC(Number(p.slice(0, 4)), Number(p.slice(5, 7)) - 1, 1);
  }

  // Every period from `from` to `to` (both `YYYY-MM`, or both `YYYY`).
  function periodsBetween(from, to) {
    const out = [];
    if (from.length === 4) {
      for (let y = Number(from); y <= Number(to); y++) out.push(String(y));
      return out;
    }
    let y = Number(from.slice(0, 4));
    let m = Number(from.slice(5, 7));
    for (let p = from; p <= to; p = y + '-' + String(m).padStart(2, '0')) {
      out.push(p);
      if (++m > 12) { m = 1; y++; }
    }
    return out;
  }

  function targetsOf(svg) {
    const g = svg.querySelector('g.tip-targets');
    if (!g) return null;
    let keys;
    let xs;
    const range = g.getAttribute('data-periods');
    if (range) {
      // A time series: the periods between two ends, placed on the time scale the two ends' positions fix.
      const ends = range.split(' ');
      const at = (g.getAttribute('data-x') || '').split(' ').map(Number);
      const t0 = periodTime(ends[0]);
      const span = periodTime(ends[1]) - t0;
      keys = periodsBetween(ends[0], ends[1]);
      xs = keys.map(function (p) { return span ? at[0] + ((periodTime(p) - t0) / span) * (at[1] - at[0]) : at[0]; });
    } else {
      keys = (g.getAttribute('data-keys') || '').split(' ');
      xs = (g.getAttribute('data-xs') || '').split(' ').map(Number);
    }
    const ys = g.hasAttribute('data-ys') ? g.getAttribute('data-ys').split(' ').map(Number) : null;
    return { keys: keys, xs: xs, ys: ys, top: Number(g.getAttribute('data-top') || 0), bottom: Number(g.getAttribute('data-bottom') || 0) };
  }

  function setUp(box, table, help) {
    const head = Array.from(table.querySelectorAll('thead th')).map(function (th) { return th.textContent.trim(); });
    const rows = new Map(Array.from(table.querySelectorAll('tbody tr[data-key]')).map(function (tr) { return [tr.getAttribute('data-key'), tr]; }));
    const tip = document.createElement('div');
    tip.className = 'chart-tip';
    tip.hidden = true;
    const live = document.createElement('p');
    live.className = 'visually-hidden';
    live.setAttribute('aria-live', 'polite');
    box.append(tip, live);
    box.tabIndex = 0;
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', help);
    let index = -1;

    function usable(t) {
      const out = [];
      t.keys.forEach(function (k, i) { if (rows.has(k)) out.push(i); });
      return out;
    }

    function hide() {
      tip.hidden = true;
      const svg = visibleSvg(box);
      if (svg) for (const m of svg.querySelectorAll('.tip-marker')) m.remove();
    }

    function show(i, announce) {
      const svg = visibleSvg(box);
      if (!svg) return;
      const t = targetsOf(svg);
      if (!t) return;
      const tr = rows.get(t.keys[i]);
      if (!tr) return;
      index = i;
      for (const m of svg.querySelectorAll('.tip-marker')) m.remove();
      let marker;
      if (t.ys) {
        marker = document.createElementNS(SVG, 'circle');
        marker.setAttribute('cx', t.xs[i]);
        marker.setAttribute('cy', t.ys[i]);
        marker.setAttribute('r', 8);
      } else {
        marker = document.createElementNS(SVG, 'line');
        marker.setAttribute('x1', t.xs[i]);
        marker.setAttribute('x2', t.xs[i]);
        marker.setAttribute('y1', t.top);
        marker.setAttribute('y2', t.bottom);
      }
      marker.setAttribute('class', 'tip-marker');
      marker.setAttribute('fill', 'none');
      marker.setAttribute('stroke', '#1b1b1b');
      marker.setAttribute('stroke-width', '1.5');
      marker.setAttribute('pointer-events', 'none');
      svg.append(marker);
      const cells = tr.querySelectorAll('th, td');
      tip.replaceChildren();
      const strong = document.createElement('strong');
      strong.textContent = cells[0].textContent.trim();
      tip.append(strong);
      const lines = [strong.textContent];
      for (let j = 1; j < cells.length; j++) {
        const line = document.createElement('span');
        line.style.display = 'block';
        line.textContent = (head[j] ? head[j] + ': ' : '') + cells[j].textContent.trim();
        tip.append(line);
        lines.push(line.textContent);
      }
      tip.hidden = false;
      const r = svg.getBoundingClientRect();
      const b = box.getBoundingClientRect();
      const scale = r.width / (svg.viewBox.baseVal.width || r.width);
      const px = r.left - b.left + t.xs[i] * scale;
      const py = r.top - b.top + (t.ys ? t.ys[i] : t.top) * scale;
      const w = tip.offsetWidth;
      const left = px + 14 + w > b.width ? Math.max(0, px - 14 - w) : px + 14;
      tip.style.left = left + 'px';
      tip.style.top = Math.max(0, py - (t.ys ? tip.offsetHeight / 2 : 0)) + 'px';
      if (announce) live.textContent = lines.join('; ');
    }

    box.addEventListener('pointermove', function (e) {
      const svg = visibleSvg(box);
      const t = svg && targetsOf(svg);
      if (!t) return;
      const r = svg.getBoundingClientRect();
      const scale = r.width / (svg.viewBox.baseVal.width || r.width);
      const x = (e.clientX - r.left) / scale;
      const y = (e.clientY - r.top) / scale;
      let best = -1;
      let bestD = Infinity;
      for (const i of usable(t)) {
        const d = t.ys ? Math.hypot(t.xs[i] - x, t.ys[i] - y) : Math.abs(t.xs[i] - x);
        if (d < bestD) { bestD = d; best = i; }
      }
      if (best < 0 || (t.ys && bestD > 24 / scale)) return hide();
      show(best, false);
    });
    box.addEventListener('pointerleave', hide);
    box.addEventListener('focus', function () {
      const svg = visibleSvg(box);
      const t = svg && targetsOf(svg);
      if (!t) return;
      const list = usable(t);
      if (list.length) show(index >= 0 && list.includes(index) ? index : list[list.length - 1], true);
    });
    box.addEventListener('blur', hide);
    box.addEventListener('keydown', function (e) {
      const svg = visibleSvg(box);
      const t = svg && targetsOf(svg);
      if (!t) return;
      const list = usable(t);
      if (!list.length) return;
      let k = list.indexOf(index);
      if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') k = Math.max(0, k - 1);
      else if (e.key === 'ArrowRight' || e.key === 'ArrowUp') k = Math.min(list.length - 1, k + 1);
      else if (e.key === 'Home') k = 0;
      else if (e.key === 'End') k = list.length - 1;
      else if (e.key === 'Escape') return hide();
      else return;
      e.preventDefault();
      show(list[k], true);
    });
  }

  // Charts drawn later in the browser (the comparison tool) call this for themselves.
  window.chartTips = function (figure) {
    const table = figure.querySelector('table.chart-table');
    if (!table) return;
    for (const box of figure.querySelectorAll('.chart-drawing')) if (box.querySelector('g.tip-targets') && !box.hasAttribute('tabindex')) setUp(box, table, figure.getAttribute('data-keyboard') || '');
  };
  for (const fig of document.querySelectorAll('figure.chart')) window.chartTips(fig);
})();
