/**
 * The "propose a practice" form in the browser: checks the entry against the same rules the
 * build uses — the schema (src/schema/practice.ts), the known area codes and indicator ids, and
 * the Markdown checks on the syntax tree (src/lib/safe-markdown.ts: no raw HTML, images or unsafe
 * links; src/lib/practice-text.ts: every sentence cites the source) — shows errors accessibly
 * (a summary that takes focus, linked to fields marked aria-invalid), and makes the Markdown file
 * to download or copy. Nothing is sent anywhere.
 */
import './zod-jitless.ts';
import { claimProblems, splitBody, unreferencedSentences } from '../lib/practice-text.ts';
import { parseMarkdown, unsafeMarkdown } from '../lib/safe-markdown.ts';
import { PracticeFrontMatter, PracticeId } from '../schema/practice.ts';

export interface ProposeConfig {
  areas: string[];
  indicators: string[];
  strings: { errors: string; ok: string; copied: string; unknownArea: string; unknownIndicator: string; contactRequired: string };
}

/** Field ids of the form, by the front-matter path their errors belong to. */
const FIELD_OF: Record<string, string> = {
  id: 'p-id',
  language: 'p-language',
  title: 'p-title',
  summary: 'p-summary',
  areas: 'p-areas',
  target_groups: 'p-groups',
  method: 'p-method',
  indicators: 'p-indicators',
  period: 'p-start',
  'period.start': 'p-start',
  'period.end': 'p-end',
  evidence: 'p-evidence',
  sources: 'p-source-title',
  'sources.0.title': 'p-source-title',
  'sources.0.url': 'p-source-url',
  'sources.0.publisher': 'p-source-publisher',
  'sources.0.checked': 'p-source-checked',
  'sources.0.excerpt': 'p-source-excerpt',
  contact: 'p-org',
  'contact.organisation': 'p-org',
  'contact.url': 'p-org-url',
  body: 'p-body',
};

const q = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const val = (id: string) => (q<HTMLInputElement>(id).value ?? '').trim();
const selected = (id: string) => [...q<HTMLSelectElement>(id).selectedOptions].map((o) => o.value);
const checked = (name: string) => [...document.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((i) => i.value);

/** YAML scalar: a JSON string is a valid double-quoted YAML scalar. */
const y = (s: string) => JSON.stringify(s);

/** The front matter the form builds (a subset of the schema's fields). */
export interface ProposedFront {
  language: string;
  title: Record<string, string>;
  summary: Record<string, string>;
  areas: string[];
  national: boolean;
  target_groups: string[];
  method: string;
  indicators: string[];
  period?: { start: string; end?: string };
  evidence: string;
  sources: { title: string; publisher: string; url: string; checked: string; excerpt: string }[];
  contact: 'not-known' | { organisation: string; url?: string; source: number };
  added: string;
  reviewed: string;
}

/** Writes the practice file: YAML front matter and the Markdown body. */
export function practiceFile(f: ProposedFront, body: string): string {
  const lines = [
    '---',
    `language: ${f.language}`,
    'title:',
    `  ${f.language}: ${y(f.title[f.language]!)}`,
    'summary:',
    `  ${f.language}: ${y(f.summary[f.language]!)}`,
    `areas: [${f.areas.map(y).join(', ')}]`,
    `national: ${f.national}`,
    `target_groups: [${f.target_groups.map(y).join(', ')}]`,
    `method: ${f.method}`,
    `indicators: [${f.indicators.map(y).join(', ')}]`,
    ...(f.period ? ['period:', `  start: ${y(f.period.start)}`, ...(f.period.end ? [`  end: ${y(f.period.end)}`] : [])] : []),
    `evidence: ${f.evidence}`,
    'sources:',
    ...f.sources.flatMap((s) => [`  - title: ${y(s.title)}`, `    publisher: ${y(s.publisher)}`, `    url: ${y(s.url)}`, `    checked: ${y(s.checked)}`, `    excerpt: ${y(s.excerpt)}`]),
    ...(f.contact === 'not-known'
      ? ['contact: not-known']
      : ['contact:', `  organisation: ${y(f.contact.organisation)}`, ...(f.contact.url ? [`  url: ${y(f.contact.url)}`] : []), `  source: ${f.contact.source}`]),
    `added: ${f.added}`,
    `reviewed: ${f.reviewed}`,
    '---',
    '',
    body.trim(),
    '',
  ];
  return lines.join('\n');
}

/** Problems of the description and the summary, by the build's own rules (lines are the body's). */
export function textProblems(front: ProposedFront, body: string): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  const n = front.sources.length;
  const summary = front.summary[front.language] ?? '';
  const s = claimProblems(summary, n)[0];
  if (s) out.push({ field: 'p-summary', message: s.problem });
  if (body.trim() === '') return out;
  const tree = parseMarkdown(body);
  const first = [...unsafeMarkdown(body, tree), ...splitBody(tree, front.language as 'fi').problems];
  const problem =
    first[0] ??
    splitBody(tree, front.language as 'fi')
      .sections.flatMap((sec) => unreferencedSentences(sec.root, n))
      .at(0);
  if (problem) out.push({ field: 'p-body', message: `line ${problem.line}: ${problem.problem}` });
  return out;
}

export function startPropose(cfg: ProposeConfig): void {
  const form = q<HTMLFormElement>('propose-form');
  const summary = q<HTMLDivElement>('propose-errors');
  const result = q<HTMLDivElement>('propose-result');
  const output = q<HTMLTextAreaElement>('propose-output');
  const download = q<HTMLAnchorElement>('propose-download');
  const copy = q<HTMLButtonElement>('propose-copy');
  const copyStatus = q<HTMLElement>('propose-copy-status');
  form.hidden = false;

  const clear = () => {
    for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    for (const el of form.querySelectorAll('.field-error')) {
      const input = document.getElementById(el.id.replace(/-error$/, ''));
      if (input) input.setAttribute('aria-describedby', (input.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== el.id).join(' '));
      el.remove();
    }
    summary.hidden = true;
    summary.replaceChildren();
  };

  const showErrors = (errors: { field: string; message: string }[]) => {
    const h = document.createElement('h2');
    h.textContent = cfg.strings.errors;
    const ul = document.createElement('ul');
    for (const e of errors) {
      const input = q<HTMLElement>(e.field);
      const label = document.querySelector(`label[for="${e.field}"], legend[data-for="${e.field}"]`)?.textContent ?? e.field;
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `#${e.field}`;
      a.textContent = `${label}: ${e.message}`;
      li.append(a);
      ul.append(li);
      if (input && !input.hasAttribute('aria-invalid')) {
        input.setAttribute('aria-invalid', 'true');
        const msg = document.createElement('p');
        msg.className = 'field-error';
        msg.id = `${e.field}-error`;
        msg.textContent = e.message;
        input.insertAdjacentElement('afterend', msg);
        input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), msg.id].filter(Boolean).join(' '));
      }
    }
    summary.append(h, ul);
    summary.hidden = false;
    summary.focus();
  };

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clear();
    result.hidden = true;
    const lang = val('p-language');
    const today = new Date().toISOString().slice(0, 10);
    const start = val('p-start');
    const end = val('p-end');
    const org = val('p-org');
    const orgUrl = val('p-org-url');
    const unknown = q<HTMLInputElement>('p-contact-unknown').checked;
    const front: ProposedFront = {
      language: lang,
      title: { [lang]: val('p-title') },
      summary: { [lang]: val('p-summary') },
      areas: selected('p-areas'),
      national: q<HTMLInputElement>('p-national').checked,
      target_groups: checked('p-groups'),
      method: val('p-method'),
      indicators: selected('p-indicators'),
      ...(start || end ? { period: { start, ...(end ? { end } : {}) } } : {}),
      evidence: val('p-evidence'),
      sources: [{ title: val('p-source-title'), publisher: val('p-source-publisher'), url: val('p-source-url'), checked: val('p-source-checked'), excerpt: val('p-source-excerpt') }],
      contact: unknown || !org ? 'not-known' : { organisation: org, ...(orgUrl ? { url: orgUrl } : {}), source: 1 },
      added: today,
      reviewed: today,
    };
    const errors: { field: string; message: string }[] = [];
    const id = PracticeId.safeParse(val('p-id'));
    if (!id.success) errors.push({ field: 'p-id', message: id.error.issues[0]!.message });
    if (!unknown && !org) errors.push({ field: 'p-org', message: cfg.strings.contactRequired });
    const parsed = PracticeFrontMatter.safeParse(front);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join('.');
        const key = Object.keys(FIELD_OF).filter((k) => path === k || path.startsWith(`${k}.`)).sort((a, b) => b.length - a.length)[0] ?? path.split('.')[0]!;
        const field = FIELD_OF[key] ?? FIELD_OF[path.split('.')[0]!] ?? 'p-title';
        if (!errors.some((e) => e.field === field)) errors.push({ field, message: issue.message });
      }
    }
    for (const a of front.areas) if (!cfg.areas.includes(a)) errors.push({ field: 'p-areas', message: `${cfg.strings.unknownArea} ${a}` });
    for (const i of front.indicators) if (!cfg.indicators.includes(i)) errors.push({ field: 'p-indicators', message: `${cfg.strings.unknownIndicator} ${i}` });
    if (val('p-body') === '') errors.push({ field: 'p-body', message: 'describe the practice' });
    for (const e of textProblems(front, val('p-body'))) if (!errors.some((x) => x.field === e.field)) errors.push(e);
    if (errors.length) {
      showErrors(errors);
      return;
    }
    const text = practiceFile(front, val('p-body'));
    output.value = text;
    download.href = URL.createObjectURL(new Blob([text], { type: 'text/markdown' }));
    download.download = `${val('p-id')}.md`;
    result.hidden = false;
    q<HTMLElement>('propose-ok').focus();
  });

  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(output.value);
      copyStatus.textContent = cfg.strings.copied;
    } catch {
      output.select();
    }
  });
}
