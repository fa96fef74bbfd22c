import type { TFunction } from 'i18next';
import type { ChartOption } from './echarts-chart';
import type { Figures } from './dashboard-figures';

// Colour-blind-safe pairs with enough contrast on white.
const COLOURS = {
  accepted: '#1d4f91',
  rejected: '#c2410c',
  batches: '#5b8c00',
  onTime: '#237804',
  late: '#d48806',
  overdue: '#a8071a',
  pending: '#597ef7',
};

const grid = { left: 48, right: 48, top: 40, bottom: 32, containLabel: true };

export function submissionsChart(f: Figures, t: TFunction): ChartOption {
  return {
    color: [COLOURS.accepted, COLOURS.rejected, COLOURS.batches],
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid,
    xAxis: { type: 'category', data: f.months.map((m) => m.month) },
    yAxis: [
      { type: 'value', name: t('dashboard.charts.rows'), minInterval: 1 },
      { type: 'value', name: t('dashboard.charts.batches'), minInterval: 1 },
    ],
    series: [
      { name: t('dashboard.charts.accepted'), type: 'bar', stack: 'rows', data: f.months.map((m) => m.accepted) },
      { name: t('dashboard.charts.rejected'), type: 'bar', stack: 'rows', data: f.months.map((m) => m.rejected) },
      {
        name: t('dashboard.charts.batches'),
        type: 'line',
        yAxisIndex: 1,
        data: f.months.map((m) => m.batches),
      },
    ],
  };
}

export function timelinessChart(f: Figures, t: TFunction): ChartOption {
  const series = (['onTime', 'late', 'overdue', 'pending'] as const).map((k) => ({
    name: t(`dashboard.timeliness.${k}`),
    type: 'bar' as const,
    stack: 'timeliness',
    data: f.months.map((m) => m[k]),
  }));
  return {
    color: [COLOURS.onTime, COLOURS.late, COLOURS.overdue, COLOURS.pending],
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid,
    xAxis: { type: 'category', data: f.months.map((m) => m.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series,
  };
}

export function reasonsChart(rows: Array<{ label: string; rows: number }>, t: TFunction): ChartOption {
  const ordered = [...rows].reverse();
  return {
    color: [COLOURS.rejected],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    // On a phone the card is ~280px wide: labels are cut short so the bars keep room (the full
    // reasons are listed under the chart).
    grid: { ...grid, left: 8, top: 16 },
    xAxis: { type: 'value', minInterval: 1, name: t('dashboard.charts.rows') },
    yAxis: {
      type: 'category',
      data: ordered.map((r) => r.label),
      axisLabel: { width: 112, overflow: 'truncate' },
    },
    series: [{ name: t('dashboard.charts.rejected'), type: 'bar', data: ordered.map((r) => r.rows) }],
  };
}

/** Departments side by side: timeliness of their decisions in the span, stacked. */
export function departmentsChart(rows: Array<{ name: string; figures: Figures }>, t: TFunction): ChartOption {
  return {
    color: [COLOURS.onTime, COLOURS.late, COLOURS.overdue, COLOURS.pending],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid,
    // Eighteen long department names: cut short, or they take the whole chart's height on a phone.
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.name),
      axisLabel: { interval: 0, rotate: 30, width: 96, overflow: 'truncate' },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: (['onTime', 'late', 'overdue', 'pending'] as const).map((k) => ({
      name: t(`dashboard.timeliness.${k}`),
      type: 'bar' as const,
      stack: 'timeliness',
      data: rows.map((r) => r.figures.timeliness[k]),
    })),
  };
}
