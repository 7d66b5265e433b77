import { z } from 'zod';

// Imported first by main.tsx, before any schema is built. Under the CSP (script-src
// 'self', no 'unsafe-eval') zod's probe for `new Function` is refused anyway and shows
// up as a CSP violation in the console; saying there is no eval skips the probe.
// Parsing is the same: without eval zod takes its non-compiled path either way.
z.config({ jitless: true });
