/**
 * Schema of a good practice: a Markdown file `data/practices/<id>.md` whose front matter is
 * validated here. The same rules run in the browser (the "propose a practice" form), so this
 * module imports nothing but zod.
 */
import { z } from 'zod';
import { LANGS } from './vocabulary.ts';

/** Languages a practice may be written in: the site's languages. */
export { LANGS as PRACTICE_LANGS } from './vocabulary.ts';

/** Target groups a practice can address. */
export const TARGET_GROUPS = [
  'young-people',
  'long-term-unemployed',
  'immigrants',
  'partially-able-to-work',
  'weak-labour-market-position',
  'older-jobseekers',
  'all-jobseekers',
  'not-stated',
] as const;

/** Kinds of service or method. */
export const METHODS = [
  'measurement-instrument',
  'outcome-based-contracting',
  'coaching-and-guidance',
  'rehabilitative-work',
  'subsidised-work',
  'training',
  'knowledge-management',
  'other',
] as const;

/**
 * How the effect of the practice has been studied, as its cited sources report it (defined on
 * the methodology page /en/methodology/evidence/). Ordered from weakest to strongest:
 * `described` — the practice is described; its effects have not been measured;
 * `before-after` — outcomes measured before and after, without a comparison group;
 * `comparison-group` — participants compared with a comparison group that was not chosen at
 * random (matched, regional or other quasi-experimental design);
 * `randomised` — participants and a control group were assigned at random.
 */
export const EVIDENCE_LEVELS = ['described', 'before-after', 'comparison-group', 'randomised'] as const;

/** A text in the language it was written in, with optional translations. */
const LocalisedText = z
  .object({
    /** Finnish text. */
    fi: z.string().trim().min(1).optional(),
    /** Swedish text. */
    sv: z.string().trim().min(1).optional(),
    /** English text. */
    en: z.string().trim().min(1).optional(),
  })
  .strict();

const Period = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'expected a year (2024) or a month (2024-01)');
const IsoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected a date YYYY-MM-DD');
const HttpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) address' });

/** A public source of the practice. Sentences of the entry cite it as [n], n = its place in the list. */
const PracticeSource = z
  .object({
    /** Title of the page or publication, as it is published. */
    title: z.string().trim().min(1),
    /** Who published it (organisation, or the publication series). */
    publisher: z.string().trim().min(1, 'name the publisher of the source'),
    /** Public address. */
    url: HttpUrl,
    /** The date a reviewer last read the source and checked the entry against it. */
    checked: IsoDate,
    /** Language of the source and its excerpt, when it is not the practice's language. */
    language: z.enum(LANGS).optional(),
    /** A short verbatim excerpt from the source that supports the entry's claims (copied, never paraphrased). */
    excerpt: z.string().trim().min(1, 'quote a short verbatim excerpt that supports the claims').max(700, 'keep the excerpt short (at most 700 characters)'),
  })
  .strict();
type PracticeSource = z.infer<typeof PracticeSource>;

/** Whom to contact now, as a cited source states it; `not-known` when no current source names one. */
const Contact = z.union([
  z.literal('not-known'),
  z
    .object({
      /** The organisation (no personal data). */
      organisation: z.string().trim().min(1),
      /** Its public address. */
      url: HttpUrl.optional(),
      /** The source (1-based number in `sources`) that names this contact. */
      source: z.number().int().min(1),
    })
    .strict(),
]);

export const PracticeFrontMatter = z
  .object({
    /** The language the practice was written in; `title` and `summary` must have it, and the body starts with it. */
    language: z.enum(LANGS),
    /** Name of the practice, in the original language and translations. */
    title: LocalisedText,
    /** Two or three sentences: what is done, for whom, and what the sources say about results. Each sentence cites a source ([n]). */
    summary: LocalisedText,
    /**
     * Employment areas involved (TA01–TA46). Empty for a national practice or tool that no
     * single area runs; then `national: true`.
     */
    areas: z.array(z.string().regex(/^TA\d{2}$/, 'expected an employment-area code such as TA08')),
    /** Regions (maakunta, MK01–MK21) where a regional body runs the practice and no employment area is named. */
    regions: z.array(z.string().regex(/^MK\d{2}$/, 'expected a region code such as MK13')).default([]),
    /** True when the practice is national (a tool, a pilot programme) rather than one area's. */
    national: z.boolean().default(false),
    /** Groups of customers the practice is for, as its sources state them. */
    target_groups: z.array(z.enum(TARGET_GROUPS)).min(1, 'choose at least one target group'),
    /** Kind of service or method. */
    method: z.enum(METHODS),
    /** Indicators the practice aims to move (ids of data/indicators/*.yaml). The link is the portal's judgement. */
    indicators: z.array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected an indicator id such as long-term-unemployed-share')).min(1, 'name at least one indicator the practice aims to move'),
    /** When the practice ran: first year or month, and last. Leave out what the sources do not state. */
    period: z.object({ start: Period, end: Period.optional() }).strict().optional(),
    /** How the effect has been studied (see EVIDENCE_LEVELS). */
    evidence: z.enum(EVIDENCE_LEVELS, { error: (iss) => (iss.input === undefined ? 'the evidence level is required' : `unknown evidence level: expected one of ${EVIDENCE_LEVELS.join(', ')}`) }),
    /** Public sources the entry is based on; every sentence of fact cites one of them. */
    sources: z.array(PracticeSource).min(1, 'give at least one public source'),
    /** Whom to contact now (see Contact). */
    contact: Contact,
    /** Reusable materials (guides, forms, reports) with public addresses. */
    materials: z.array(z.object({ title: z.string().trim().min(1), url: HttpUrl }).strict()).default([]),
    /** How large the practice was (participants, areas, budget), with references; leave out when no source says. */
    scale: LocalisedText.optional(),
    /** What it cost, with references; leave out when no source says. */
    cost: LocalisedText.optional(),
    /** When the entry was added to the library. */
    added: IsoDate,
    /** When the entry was last reviewed as a whole. */
    reviewed: IsoDate,
  })
  .strict()
  .superRefine((p, ctx) => {
    for (const field of ['title', 'summary'] as const) {
      if (!p[field][p.language]) ctx.addIssue({ code: 'custom', path: [field, p.language], message: `${field} in the practice's language (${p.language}) is required` });
    }
    if (p.areas.length === 0 && p.regions.length === 0 && !p.national) ctx.addIssue({ code: 'custom', path: ['areas'], message: 'list the employment areas (or regions) involved, or set national: true' });
    if (p.period?.end && p.period.end < p.period.start) ctx.addIssue({ code: 'custom', path: ['period', 'end'], message: 'the end is before the start' });
    if (p.reviewed < p.added) ctx.addIssue({ code: 'custom', path: ['reviewed'], message: 'reviewed before it was added' });
    if (typeof p.contact === 'object' && p.contact.source > p.sources.length) ctx.addIssue({ code: 'custom', path: ['contact', 'source'], message: `names source ${p.contact.source}, but the practice lists ${p.sources.length}` });
    p.sources.forEach((s, i) => {
      if (s.checked > p.reviewed) ctx.addIssue({ code: 'custom', path: ['sources', i, 'checked'], message: 'checked after the entry was last reviewed: update "reviewed"' });
    });
  });
export type PracticeFrontMatter = z.infer<typeof PracticeFrontMatter>;

/** A file name (and id) of a practice: lower-case words joined by hyphens. */
export const PracticeId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'the file name must be lower-case words joined by hyphens, e.g. jalava-change-meter.md');

/** Splits a Markdown file into its YAML front matter and body. Returns null if there is no front matter. */
export function splitFrontMatter(text: string): { yaml: string; body: string } | null {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text.replace(/^\uFEFF/, ''));
  return m ? { yaml: m[1]!, body: m[2]! } : null;
}
