/** The side panel's three filters, each a labelled list: source, verdict (once a check judged), finding. */
import type { FindingKind, JsonReport } from '../core';
import { CLAIM_VERDICT_TEXT } from '../shared/check-view';
import { t } from '../shared/i18n';
import { FINDING_TITLE } from '../shared/report-view';
import {
  type ClaimFilters,
  findingKindsOfClaims,
  NO_FILTERS,
  VERDICT_FILTERS,
  type VerdictFilter,
} from './filters';

interface Props {
  report: JsonReport;
  /** Whether a check's result is there to filter by verdict. */
  hasResult: boolean;
  filters: ClaimFilters;
  onChange(filters: ClaimFilters): void;
}

/** The longest a source's words get in its filter's list. */
const SOURCE_WORDS = 60;

const shorten = (text: string) => (text.length > SOURCE_WORDS ? `${text.slice(0, SOURCE_WORDS - 1)}…` : text);

export function Filters({ report, hasResult, filters, onChange }: Props) {
  const kinds = findingKindsOfClaims(report);
  const set = (patch: Partial<ClaimFilters>) => onChange({ ...filters, ...patch });
  const any = filters.source !== null || filters.verdict !== null || filters.finding !== null;
  return (
    <fieldset class="filters">
      <legend>{t('panelFilters')}</legend>
      <label>
        <span>{t('panelFilterSource')}</span>
        <select
          data-filter="source"
          value={filters.source ?? ''}
          onChange={(e) => set({ source: e.currentTarget.value || null })}
        >
          <option value="">{t('panelFilterAny')}</option>
          {report.sources.map((s) => (
            <option key={s.id} value={s.id}>
              {shorten(
                s.kind === 'linked' ? `${s.label} · ${s.title}` : `[${s.label}] ${s.title || s.label}`,
              )}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('panelFilterVerdict')}</span>
        <select
          data-filter="verdict"
          value={filters.verdict ?? ''}
          disabled={!hasResult}
          onChange={(e) => set({ verdict: (e.currentTarget.value || null) as VerdictFilter | null })}
        >
          <option value="">{t('panelFilterAny')}</option>
          {VERDICT_FILTERS.map((v) => (
            <option key={v} value={v}>
              {v === 'unchecked' ? t('panelVerdictUnchecked') : t(CLAIM_VERDICT_TEXT[v])}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('panelFilterFinding')}</span>
        <select
          data-filter="finding"
          value={filters.finding ?? ''}
          disabled={kinds.length === 0}
          onChange={(e) => set({ finding: (e.currentTarget.value || null) as FindingKind | null })}
        >
          <option value="">{t('panelFilterAny')}</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(FINDING_TITLE[k])}
            </option>
          ))}
        </select>
      </label>
      {any && (
        <button type="button" class="link" data-clear-filters onClick={() => onChange(NO_FILTERS)}>
          {t('panelClearFilters')}
        </button>
      )}
    </fieldset>
  );
}
