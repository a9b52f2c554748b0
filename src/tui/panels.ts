// The five panels (the last: tension and both sides' costs): what each shows in its value lines, which series its chart can show, and the
// details it lists when it has the focus (Tab).

import { dateOfStep } from '../model/calendar.js';
import type { MetricName, Metrics } from '../model/metrics.js';
import type { State } from '../model/types.js';
import { fmt, labelOf } from './metricLabels.js';

export interface PanelDef {
  id: string;
  title: string;
  color: string;
  /** The series its chart can show (up/down cycles while focused). */
  series: MetricName[];
  values(m: Metrics): string[];
  details(s: State, m: Metrics | null): string[];
}

const v = (m: Metrics, name: MetricName) => fmt(m[name], labelOf(name).digits);

/** The two ledgers' totals and largest parts, for the tension panel's details. */
const LEDGER_LINES: MetricName[] = ['leverage_balance', 'us_economic_cost_bn', 'us_deadweight_loss_bn', 'us_output_at_risk_bn', 'us_tech_export_loss_bn', 'cn_economic_cost_bn', 'cn_export_surplus_loss_bn', 'cn_output_at_risk_bn'];

export const PANELS: PanelDef[] = [
  {
    id: 'tariffs',
    title: 'Tariffs',
    color: 'cyan',
    series: ['us_tariff_on_cn_pct', 'cn_tariff_on_us_pct'],
    values: (m) => [`US on CN ${v(m, 'us_tariff_on_cn_pct')}%`, `CN on US ${v(m, 'cn_tariff_on_us_pct')}%`],
    details: (s) =>
      [...s.us_layers, ...s.cn_layers]
        .filter((l) => l.rate_pct > 0 || l.suspended_pct > 0 || l.threatened_pct > 0)
        .map((l) => `${l.imposer.toUpperCase()} ${l.label}: ${fmt(l.rate_pct, 1)}%${l.suspended_pct ? ` (+${fmt(l.suspended_pct, 0)} susp.)` : ''}${l.threatened_pct ? ` (+${fmt(l.threatened_pct, 0)} threat)` : ''}`),
  },
  {
    id: 'rare_earths',
    title: 'Rare earths',
    color: 'yellow',
    series: ['us_rare_earth_supply_index', 'rare_earth_curb', 'us_magnet_inventory_weeks'],
    values: (m) => [`curb ${v(m, 'rare_earth_curb')}  supply ${v(m, 'us_rare_earth_supply_index')}`, `inventory ${v(m, 'us_magnet_inventory_weeks')} wk`],
    details: (s) => [
      `curb ${fmt(s.rare_earths.curb, 2)} (0 general licences, 1 ban)`,
      `licence delay ${fmt(s.rare_earths.licence_delay_weeks, 1)} wk`,
      `inventory ${fmt(s.rare_earths.inventory_weeks, 1)} of ${fmt(s.rare_earths.inventory_target_weeks, 1)} wk target`,
      `China's share of supply ${fmt(s.rare_earths.china_supply_share * 100, 0)}%`,
      ...s.pacts.map((p) => `pact with ${p.partner}: ${fmt(p.capacity_share * 100, 0)}% of demand`),
    ],
  },
  {
    id: 'soybeans',
    title: 'Soybeans',
    color: 'green',
    series: ['soybean_purchases_mmt', 'soybean_purchased_cumulative_mmt'],
    values: (m) => [`buys ${v(m, 'soybean_purchases_mmt')} MMT/yr`, `commitment ${v(m, 'soybean_commitment_mmt')} MMT/yr`],
    details: (s, m) => [
      `commitment ${fmt(s.soybeans.commitment_mmt, 1)} MMT/yr`,
      `buying at ${m ? fmt(m.soybean_purchases_mmt, 1) : '-'} MMT/yr`,
      `compliance ${fmt(s.soybeans.compliance * 100, 0)}%${s.soybeans.boycott ? ', boycott' : ''}`,
      `bought to date ${fmt(s.soybeans.purchased_mmt, 1)} MMT`,
      `CN soybean tariff ${m ? fmt(m.cn_soybean_tariff_pct, 1) : '-'}%`,
    ],
  },
  {
    id: 'trade',
    title: 'Trade & prices',
    color: 'blue',
    series: ['us_imports_from_cn_bn', 'us_exports_to_cn_bn', 'us_tariff_revenue_bn', 'us_consumer_price_pct', 'us_deadweight_loss_bn'],
    values: (m) => [`imp ${v(m, 'us_imports_from_cn_bn')} exp ${v(m, 'us_exports_to_cn_bn')} $bn/yr`, `prices +${v(m, 'us_consumer_price_pct')}% rev ${v(m, 'us_tariff_revenue_bn')}`],
    details: (_s, m) =>
      (['us_imports_from_cn_bn', 'us_exports_to_cn_bn', 'us_tariff_revenue_bn', 'us_consumer_price_pct', 'us_deadweight_loss_bn'] as MetricName[]).map(
        (n) => `${labelOf(n).label}: ${m ? v(m, n) : '-'}`,
      ),
  },
  {
    id: 'escalation',
    // Tension and what the dispute costs each side (the leverage ledgers), side by side.
    title: 'Tension & costs',
    color: 'red',
    series: ['escalation_index', 'us_economic_cost_bn', 'cn_economic_cost_bn', 'leverage_balance'],
    values: (m) => [`index ${v(m, 'escalation_index')} ${m.truce_active ? 'truce in force' : 'no truce'}`, `cost US ${v(m, 'us_economic_cost_bn')} CN ${v(m, 'cn_economic_cost_bn')} $bn`],
    details: (s, m) => [
      `escalation ${fmt(s.escalation_index, 1)} / 100`,
      ...s.agreements.filter((a) => a.active).map((a) => `${a.label}${a.expires_step !== null ? ` until ${dateOfStep(s.start_date, s.step_unit, a.expires_step)}` : ''}`),
      `US: ${s.record.us.escalations} escalations, ${s.record.us.concessions} concessions`,
      `CN: ${s.record.cn.escalations} escalations, ${s.record.cn.concessions} concessions`,
      ...(m ? LEDGER_LINES.map((n) => `${labelOf(n).label}: ${v(m, n)}`) : []),
    ],
  },
];
