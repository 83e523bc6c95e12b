/**
 * The search page in the browser: places first (src/client/search/places.ts: a postal code or an
 * area's name → the municipality beside its employment area), then Pagefind's full-text results
 * through its JavaScript API, each labelled by page type, filterable by type, 10 at a time.
 *
 * Pagefind matches words without diacritics by default, so "lahti" also found every "Lähteet"
 * (sources) on the site. The search asks first with diacritics kept exact and falls back to the
 * tolerant search only when that finds nothing ("hameenlinna").
 *
 * The query lives in the address (?q=…&type=…), so the header's search box, a shared link and
 * the back button all work.
 */
import { findPlaces, postcodeOf, type Offer, type Place } from './places.ts';

interface Config {
  places: Place[];
  base: string;
  levels: Record<string, string>;
  strings: { postcode: string; unknownCode: string; status: string; none: string; filter: string };
}

interface PagefindResult {
  id: string;
  data(): Promise<{ url: string; excerpt: string; meta: Record<string, string | undefined>; filters: Record<string, string[]> }>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  search(q: string, o?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

const PAGE = 10;
const fill = (text: string, params: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

/** A Pagefind excerpt as DOM: its text with the <mark> of matched words, and nothing else. */
function excerptNodes(html: string): Node[] {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const out: Node[] = [];
  for (const n of doc.body.childNodes) {
    if (n.nodeType === Node.TEXT_NODE) out.push(document.createTextNode(n.textContent ?? ''));
    else if (n.nodeName === 'MARK') {
      const m = document.createElement('mark');
      m.textContent = n.textContent;
      out.push(m);
    } else out.push(document.createTextNode(n.textContent ?? ''));
  }
  return out;
}

export function startSearch(): void {
  const cfg = JSON.parse(document.getElementById('search-config')!.textContent!) as Config;
  const form = document.querySelector<HTMLFormElement>('#search-form')!;
  const input = form.querySelector<HTMLInputElement>('#search-q')!;
  const typeSelect = form.querySelector<HTMLSelectElement>('#search-type')!;
  const status = document.querySelector<HTMLElement>('#search-status')!;
  const none = document.querySelector<HTMLElement>('#search-none')!;
  const placesBox = document.querySelector<HTMLElement>('#search-places')!;
  const offersList = placesBox.querySelector<HTMLUListElement>('.place-offers')!;
  const pagesBox = document.querySelector<HTMLElement>('#search-pages')!;
  const resultsList = pagesBox.querySelector<HTMLOListElement>('.search-results')!;
  const more = document.querySelector<HTMLButtonElement>('#search-more')!;
  form.hidden = false;

  let pagefind: Promise<Pagefind> | undefined;
  const loadPagefind = () =>
    (pagefind ??= (import(/* @vite-ignore */ '/pagefind/pagefind.js' as string) as Promise<Pagefind>).then(async (pf) => {
      // Titles (an area's name) count for more than a word in the text.
      await pf.options({ ranking: { metaWeights: { title: 8 } } });
      return pf;
    }));
  let postcodes: Promise<Record<string, string>> | undefined;
  const loadPostcodes = () => (postcodes ??= fetch('/data/postcodes.json').then((r) => (r.ok ? (r.json() as Promise<Record<string, string>>) : {})));

  const placeCard = (p: Place) => {
    const a = document.createElement('a');
    a.className = 'place-card';
    a.href = `${cfg.base}${p.code.toLowerCase()}/`;
    const tag = document.createElement('span');
    tag.className = 'tag';
    tag.textContent = cfg.levels[p.level] ?? p.level;
    const name = document.createElement('strong');
    name.textContent = p.name;
    a.append(tag, ' ', name);
    return a;
  };
  const showOffers = (offers: Offer[]) => {
    offersList.replaceChildren(
      ...offers.map((o) => {
        const li = document.createElement('li');
        for (const p of [o.municipality, o.area, o.other]) if (p) li.append(placeCard(p));
        return li;
      }),
    );
  };

  // Filter options: the page types of this language's index, with their counts.
  let filtersShown = false;
  const showFilters = async (pf: Pagefind) => {
    if (filtersShown) return;
    filtersShown = true;
    const types = (await pf.filters())[cfg.strings.filter] ?? {};
    const wanted = new URLSearchParams(location.search).get('type') ?? '';
    for (const [name, count] of Object.entries(types).sort((a, b) => a[0].localeCompare(b[0]))) {
      const o = document.createElement('option');
      o.value = name;
      o.textContent = `${name} (${count})`;
      o.selected = name === wanted;
      typeSelect.append(o);
    }
  };

  let results: PagefindResult[] = [];
  let shown = 0;
  let run = 0;
  const showMore = async (token: number) => {
    const batch = await Promise.all(results.slice(shown, shown + PAGE).map((r) => r.data()));
    if (token !== run) return;
    for (const d of batch) {
      const li = document.createElement('li');
      const type = document.createElement('p');
      type.className = 'search-result-type';
      const tag = document.createElement('span');
      tag.className = 'tag';
      tag.textContent = d.meta.type ?? d.filters[cfg.strings.filter]?.[0] ?? '';
      type.append(tag);
      const a = document.createElement('a');
      a.className = 'search-result-link';
      a.href = d.url;
      a.textContent = d.meta.title ?? d.url;
      const p = document.createElement('p');
      p.className = 'search-excerpt';
      p.append(...excerptNodes(d.excerpt));
      li.append(type, a, p);
      resultsList.append(li);
    }
    shown += batch.length;
    more.hidden = shown >= results.length;
  };

  const search = async (raw: string) => {
    const token = ++run;
    const q = raw.trim();
    const pf = await loadPagefind();
    await showFilters(pf);
    const type = typeSelect.value;
    const url = new URL(location.href);
    if (q) url.searchParams.set('q', q);
    else url.searchParams.delete('q');
    if (type) url.searchParams.set('type', type);
    else url.searchParams.delete('type');
    history.replaceState(null, '', url);
    if (!q) {
      for (const el of [placesBox, pagesBox, none]) el.hidden = true;
      status.textContent = '';
      return;
    }
    // Places: a postal code gives its municipality (and nothing from the full text, where five
    // digits only match unrelated figures); a name gives the areas it names.
    const code = postcodeOf(q);
    const offers = findPlaces(q, cfg.places, code ? await loadPostcodes() : null);
    const filters = type ? { [cfg.strings.filter]: type } : undefined;
    let found: PagefindResult[] = [];
    if (!code) {
      await pf.options({ exactDiacritics: true });
      found = (await pf.search(q, { filters }))?.results ?? [];
      if (found.length === 0) {
        await pf.options({ exactDiacritics: false });
        found = (await pf.search(q, { filters }))?.results ?? [];
      }
    }
    if (token !== run) return;
    const m = code ? offers[0]?.municipality : undefined;
    const codeText = code ? (m ? fill(cfg.strings.postcode, { code, municipality: m.name }) : fill(cfg.strings.unknownCode, { code })) : '';
    showOffers(offers);
    placesBox.hidden = offers.length === 0;
    // The status line above the places is written with them, so nothing below moves afterwards.
    const nothing = offers.length === 0 && found.length === 0;
    none.hidden = !nothing;
    status.textContent = code ? codeText : nothing ? fill(cfg.strings.none, { q }) : fill(cfg.strings.status, { q, places: offers.length, pages: found.length });
    results = found;
    shown = 0;
    resultsList.replaceChildren();
    pagesBox.hidden = found.length === 0;
    await showMore(token);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(input.value), 250);
  });
  typeSelect.addEventListener('change', () => void search(input.value));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    void search(input.value);
  });
  more.addEventListener('click', () => {
    const first = resultsList.children.length;
    void showMore(run).then(() => resultsList.querySelectorAll<HTMLAnchorElement>('.search-result-link')[first]?.focus());
  });

  const params = new URLSearchParams(location.search);
  const q0 = params.get('q');
  if (q0) {
    input.value = q0;
    void search(q0);
  }
}
