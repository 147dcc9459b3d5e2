import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MATCH_CASES, request } from './match-cases.ts';
import { referenceRouter } from './reference-router.ts';
import { compileRouter, type Router } from './router.ts';
import type { IrSocket } from '../../ir/index.ts';

const IMPLEMENTATIONS: Record<string, (s: IrSocket) => Router<string>> = {
  compiled: (s) => compileRouter(s, (r) => r.id),
  reference: referenceRouter,
};

for (const [impl, build] of Object.entries(IMPLEMENTATIONS)) {
  describe(`router conformance: ${impl}`, () => {
    for (const c of MATCH_CASES) {
      it(c.name, () => {
        const router = build(c.socket);
        for (const [req, expected] of c.requests) {
          assert.equal(router.match(request(req)), expected, JSON.stringify(req));
        }
      });
    }
  });
}
