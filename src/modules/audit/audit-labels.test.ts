import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import es from '../../web/i18n/es-MX.json';

/**
 * Every action and record type the application writes to the audit trail has a Spanish label, so
 * an auditor never reads a code. The codes are collected from the source itself: the `action` and
 * `entityType` of every object, the default of a parameter named so, and the argument passed to
 * such a parameter (e.g. `regenerateRow(…, 'report.regenerate', …)`).
 */
/** Properties named action that are not audit entries: helmet's frameguard option. */
const NOT_AUDIT = new Set(['deny']);

const SRC = path.resolve(import.meta.dirname, '../..');

function serverFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'ui' || full === path.join(SRC, 'web') ? [] : serverFiles(full);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [full] : [];
  });
}

function literals(node: ts.Node | undefined): string[] {
  if (!node) return [];
  if (ts.isStringLiteralLike(node)) return [node.text];
  if (ts.isConditionalExpression(node)) return [...literals(node.whenTrue), ...literals(node.whenFalse)];
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return literals(node.expression);
  return [];
}

function collectAuditCodes(): { actions: Set<string>; entityTypes: Set<string> } {
  const found = { action: new Set<string>(), entityType: new Set<string>() };
  const sources = serverFiles(SRC).map((file) =>
    ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true),
  );
  // Functions taking a parameter named action or entityType, and its position.
  const takers = new Map<string, { name: 'action' | 'entityType'; index: number }>();
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name)) {
      const name = node.name.text;
      if (name === 'action' || name === 'entityType')
        for (const s of literals(node.initializer)) if (!NOT_AUDIT.has(s)) found[name].add(s);
    }
    if (ts.isFunctionDeclaration(node) && node.name) {
      node.parameters.forEach((p, index) => {
        if (ts.isIdentifier(p.name) && (p.name.text === 'action' || p.name.text === 'entityType')) {
          takers.set(node.name!.text, { name: p.name.text, index });
          for (const s of literals(p.initializer)) found[p.name.text].add(s);
        }
      });
    }
    ts.forEachChild(node, visit);
  };
  for (const source of sources) visit(source);
  const calls = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const taker = takers.get(node.expression.text);
      if (taker) for (const s of literals(node.arguments[taker.index])) found[taker.name].add(s);
    }
    ts.forEachChild(node, calls);
  };
  for (const source of sources) calls(source);
  return { actions: found.action, entityTypes: found.entityType };
}

describe('audit trail labels', () => {
  const codes = collectAuditCodes();

  it('finds the actions of the application (the collector works)', () => {
    expect(codes.actions).toContain('report.regenerate');
    expect(codes.actions).toContain('observers.assignment.create');
    expect(codes.actions).toContain('channel.folio_import');
    expect(codes.actions).toContain('person.import');
    expect(codes.entityTypes).toContain('activity');
  });

  it('names every action written to the trail in Spanish', () => {
    const missing = [...codes.actions].filter((a) => !(a in es.audit.actions)).sort();
    expect(missing).toEqual([]);
  });

  it('names every record type written to the trail in Spanish', () => {
    const missing = [...codes.entityTypes].filter((e) => !(e in es.audit.entities)).sort();
    expect(missing).toEqual([]);
  });
});
