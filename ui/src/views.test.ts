import { describe, expect, it } from 'vitest';
import fixture from './lib/document/new-plan-findings.json';
import { resolves } from './lib/document/paths';
import { CATALOGUE } from './lib/ipc/catalogue';
import { VIEWS, viewFor } from './views';

describe('the views', () => {
  it('show the field of every finding the core makes on a new plan', () => {
    expect(fixture.findings.length).toBeGreaterThan(0);
    for (const f of fixture.findings) {
      expect(f.path, f.rule).toBeTruthy();
      expect(viewFor(f.path), `${f.rule} at ${f.path}`).not.toBeNull();
      expect(resolves(fixture.plan, f.path), `${f.rule} at ${f.path}`).toBe(true);
    }
  });

  it('give each path one owner, the most specific', () => {
    expect(viewFor('forecast.contracts[a].annual_value')?.id).toBe('contracts');
    expect(viewFor('forecast.settings.employer_ni_percent')?.id).toBe('settings');
    expect(viewFor('narrative.sections[vision].text')?.id).toBe('narrative');
    expect(viewFor('narrative.risks[r].impact')?.id).toBe('risks');
    expect(viewFor('board[chair].name')?.id).toBe('ownership');
    expect(viewFor('review.comments')).toBeNull();
    expect(new Set(VIEWS.map((v) => v.id)).size).toBe(VIEWS.length);
  });

  it("are the catalogue's parts of the plan, in its order, between the Overview and the figures", () => {
    const editing = VIEWS.filter((v) => v.owns.length > 0).map((v) => ({ id: v.id, title: v.title, owns: v.owns }));
    expect(editing).toEqual(CATALOGUE.parts);
    expect(VIEWS.map((v) => v.id)).toEqual(['overview', ...CATALOGUE.parts.map((p) => p.id), 'forecast', 'checks', 'readiness', 'review']);
    expect(VIEWS.every((v) => v.component)).toBe(true);
  });
});
