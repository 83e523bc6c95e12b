/**
 * Schema of a good practice: a Markdown file `data/practices/<id>.md` whose front matter is
 * validated here. The same rules run in the browser (the "propose a practice" form), so this
 * module imports nothing but zod.
 */
import { z } from 'zod';

export const PRACTICE_LANGS = ['fi', 'sv', 'en'] as const;

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
 * How strong the evidence of the practice's effect is:
 * `described` — the practice is described, effects not measured;
 * `before-after` — outcomes measured before and after, without a comparison group;
 * `controlled` — compared with a control or comparison group;
 * `third-party` — evaluated by an independent third party.
 */
export const EVIDENCE_LEVELS = ['described', 'before-after', 'controlled', 'third-party'] as const;

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
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

export const PracticeFrontMatter = z
  .object({
    /** The language the practice was written in; `title` and `summary` must have it. */
    language: z.enum(PRACTICE_LANGS),
    /** Name of the practice, in the original language and optional translations. */
    title: LocalisedText,
    /** Two or three sentences: what is done, for whom, and what the source says about results. */
    summary: LocalisedText,
    /**
     * Employment areas involved (TA01–TA46). Empty for a national practice or tool that no
     * single area runs; then `national: true`.
     */
    areas: z.array(z.string().regex(/^TA\d{2}$/, 'expected an employment-area code such as TA08')),
    /** True when the practice is national (a tool, a pilot programme) rather than one area's. */
    national: z.boolean().default(false),
    /** Groups of customers the practice is for. */
    target_groups: z.array(z.enum(TARGET_GROUPS)).min(1, 'choose at least one target group'),
    /** Kind of service or method. */
    method: z.enum(METHODS),
    /** Indicators the practice aims to move (ids of data/indicators/*.yaml). */
    indicators: z.array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected an indicator id such as long-term-unemployed-share')).min(1, 'name at least one indicator the practice aims to move'),
    /** When the practice ran: first year or month, and last. Leave out what the source does not state. */
    period: z.object({ start: Period, end: Period.optional() }).strict().optional(),
    /** How strong the evidence is (see EVIDENCE_LEVELS). */
    evidence: z.enum(EVIDENCE_LEVELS),
    /** Public sources the entry is based on; every fact in the entry must be in one of them. */
    sources: z.array(z.object({ title: z.string().trim().min(1), url: z.url({ protocol: /^https?$/, error: 'expected an http(s) address' }) }).strict()).min(1, 'give at least one public source'),
    /** The organisation to contact, as the source publishes it. No personal data. */
    contact: z
      .object({
        organisation: z.string().trim().min(1),
        url: z.url({ protocol: /^https?$/, error: 'expected an http(s) address' }).optional(),
      })
      .strict(),
    /** When the entry was added to the library. */
    added: IsoDate,
    /** When the entry was last checked against its sources. */
    reviewed: IsoDate,
  })
  .strict()
  .superRefine((p, ctx) => {
    for (const field of ['title', 'summary'] as const) {
      if (!p[field][p.language]) ctx.addIssue({ code: 'custom', path: [field, p.language], message: `${field} in the practice's language (${p.language}) is required` });
    }
    if (p.areas.length === 0 && !p.national) ctx.addIssue({ code: 'custom', path: ['areas'], message: 'list the employment areas involved, or set national: true' });
    if (p.period?.end && p.period.end < p.period.start) ctx.addIssue({ code: 'custom', path: ['period', 'end'], message: 'the end is before the start' });
    if (p.reviewed < p.added) ctx.addIssue({ code: 'custom', path: ['reviewed'], message: 'reviewed before it was added' });
  });
export type PracticeFrontMatter = z.infer<typeof PracticeFrontMatter>;

/** A file name (and id) of a practice: lower-case words joined by hyphens. */
export const PracticeId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'the file name must be lower-case words joined by hyphens, e.g. jalava-change-meter.md');

/** Splits a Markdown file into its YAML front matter and body. Returns null if there is no front matter. */
export function splitFrontMatter(text: string): { yaml: string; body: string } | null {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text.replace(/^\uFEFF/, ''));
  return m ? { yaml: m[1]!, body: m[2]! } : null;
}
