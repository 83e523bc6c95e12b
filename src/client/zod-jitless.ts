/**
 * Imported first by browser code that uses zod: zod compiles fast parsers with new Function()
 * unless told not to, and the site's Content-Security-Policy allows no eval. This must run before
 * any schema module is evaluated, hence a module of its own.
 */
import { z } from 'zod';

z.config({ jitless: true });
