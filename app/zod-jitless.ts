/**
 * zod compiles fast parsers with `new Function` unless told not to, and the Content-Security-Policy (no
 * unsafe-eval) forbids that. It checks once, when the first schema is built, so this module must be imported before
 * any module that builds a schema: main.tsx imports it first (ES modules run in import order).
 */
import { z } from 'zod';

z.config({ jitless: true });
