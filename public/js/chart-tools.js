// Chart tools (progressive enhancement): save a chart as SVG or PNG, and complete embed codes
// with the site's address. Without JavaScript the chart's CSV link and table remain.
(function () {
  for (const el of document.querySelectorAll('[data-needs-js]')) el.hidden = false;
  for (const t of document.querySelectorAll('textarea.embed-code')) {
    const path = t.getAttribute('data-path');
    t.value = t.value.replace('src="' + path, 'src="' + location.origin + path);
  }
  function save(blob, name) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }
  for (const b of document.querySelectorAll('button[data-save]')) {
    b.addEventListener('click', function () {
      const svg = b.closest('figure').querySelector('svg');
      const clone = svg.cloneNode(true);
      clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
      const text = new XMLSerializer().serializeToString(clone);
      const name = b.getAttribute('data-name');
      if (b.getAttribute('data-save') === 'svg') return save(new Blob([text], { type: 'image/svg+xml' }), name + '.svg');
      const img = new Image();
      const w = svg.viewBox.baseVal.width || svg.clientWidth;
      const h = svg.viewBox.baseVal.height || svg.clientHeight;
      img.onload = function () {
        const c = document.createElement('canvas');
        c.width = w * 2;
        c.height = h * 2;
        const g = c.getContext('2d');
        g.fillStyle = '#ffffff';
        g.fillRect(0, 0, c.width, c.height);
        g.drawImage(img, 0, 0, c.width, c.height);
        c.toBlob(function (blob) { save(blob, name + '.png'); });
      };
      img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(text);
    });
  }
})();
