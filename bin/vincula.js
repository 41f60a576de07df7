#!/usr/bin/env node
// Launches the TypeScript CLI through tsx's loader so the checkout runs without a build step.
import { register } from 'tsx/esm/api';

// Node.js 20 left support on 2026-04-30 (no more security fixes); Vincula is tested on 24 LTS (ADR 0018).
// It still starts, so an evaluation on an older machine works, but the operator is told plainly.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.warn(
    `Aviso: Node.js ${process.versions.node} ya no recibe correcciones de seguridad. ` +
      'Vincula se prueba en Node.js 24 LTS: instálelo antes de usarlo en producción (vea el README).',
  );
}

register();
await import('../src/cli/main.ts');
