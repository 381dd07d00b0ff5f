// Imported first by main.ts, before any schema is built: zod compiles fast parsers with `new Function` unless told
// not to, and the renderer's CSP (no 'unsafe-eval') reports every such attempt as a violation.
import { z } from 'zod'

z.config({ jitless: true })
