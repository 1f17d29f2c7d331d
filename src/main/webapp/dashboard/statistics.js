// Delivery statistics from GET /api/stats: rates by status and operator over time, and how long
// messages took to reach the handset. Each chart has its table, for those who do not see it.
import uPlot from '../webjars/uplot/1.6.30/dist/uPlot.esm.js';
import { get, query } from './api.js';
import { fill, h, notice, rendered } from './dom.js';
import { duration, percent } from './format.js';

const HOUR = 3600e3;
const DAY = 24 * HOUR;
const PERIODS = {
    day: { label: 'Last 24 hours, by hour', step: HOUR, count: 24, groupBy: 'hour' },
    week: { label: 'Last 7 days, by day', step: DAY, count: 7, groupBy: 'day' },
    month: { label: 'Last 30 days, by day', step: DAY, count: 30, groupBy: 'day' },
};
const COLOURS = ['#1565c0', '#2e7d32', '#c62828', '#ef6c00', '#6a1b9a', '#00838f', '#4e342e', '#ad1457'];

/** The whole periods ending with the current one, as the API keys them (each period's start). */
function periodsOf(period) {
    const end = Math.floor(Date.now() / period.step) * period.step + period.step;
    const starts = Array.from({ length: period.count }, (_, i) => end - (period.count - i) * period.step);
    return { from: new Date(starts[0]).toISOString(), to: new Date(end).toISOString(), starts };
}

/** Runs the calls a few at a time, so that a month of them does not queue behind the browser's limit. */
async function inTurn(calls, width = 4) {
    const results = new Array(calls.length);
    let next = 0;
    await Promise.all(Array.from({ length: width }, async () => {
        while (next < calls.length) {
            const index = next++;
            results[index] = await calls[index]();
        }
    }));
    return results;
}

/** A line chart of one value per period; a share is drawn from 0 to 100 %. */
function chart(title, starts, series, format, container, kind) {
    const figure = h('figure', { class: 'chart' }, h('figcaption', {}, title));
    container.append(figure);
    const width = Math.max(260, (figure.clientWidth || 600) - 16);
    const y = kind === 'share' ? { range: [0, 1] } : { range: (_, min, max) => [0, Math.max(1, max)] };
    new uPlot({
        width,
        height: 240,
        series: [{}, ...series.map((each, i) => ({
            label: each.label, stroke: COLOURS[i % COLOURS.length], width: 2, spanGaps: true,
            points: { show: true, size: 6 },
            value: (_, v) => (v === null || v === undefined ? '—' : format(v)),
        }))],
        axes: [{}, { values: (_, ticks) => ticks.map(format), size: 70 }],
        scales: { x: { time: true }, y },
    }, [starts.map((start) => start / 1000), ...series.map((each) => each.values)], figure);
}

function table(caption, headings, rows) {
    return h('div', { class: 'scroll' }, h('table', {},
        h('caption', {}, caption),
        h('thead', {}, h('tr', {}, headings.map((title) => h('th', { scope: 'col' }, title)))),
        h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, cell)))))));
}

async function load(period, results, left) {
    const { from, to, starts } = periodsOf(period);
    const [overTime, byOperator] = await Promise.all([
        get('api/stats' + query({ from, to, groupBy: period.groupBy })),
        get('api/stats' + query({ from, to, groupBy: 'operator' })),
    ]);
    const byStart = new Map(overTime.groups.map((group) => [Date.parse(group.key), group]));
    const groups = starts.map((start) => byStart.get(start) || null);
    const statuses = Object.keys(overTime.statuses);
    const rate = (group) => (group && group.deliveryRate !== null ? group.deliveryRate : null);

    fill(results,
        h('p', { class: 'totals' }, `${overTime.messages} messages · delivered ${percent(overTime.deliveryRate)}`
            + ` · time to deliver p50 ${duration(overTime.timeToDeliver.p50Ms)},`
            + ` p90 ${duration(overTime.timeToDeliver.p90Ms)}, p99 ${duration(overTime.timeToDeliver.p99Ms)}`));
    const charts = h('div', { class: 'charts' });
    const byOperatorChart = h('div', { class: 'chart-slot' });
    results.append(charts);
    charts.append(byOperatorChart);
    chart('Delivery rate', starts, [{ label: 'all', values: groups.map(rate) }],
        (v) => `${Math.round(v * 100)} %`, byOperatorChart, 'share');
    chart('Share of each status', starts, statuses.map((status) => ({
        label: status,
        values: groups.map((group) => (group && group.messages ? (group.statuses[status] || 0) / group.messages : null)),
    })), (v) => `${Math.round(v * 100)} %`, charts, 'share');
    chart('Time to deliver', starts, ['p50Ms', 'p90Ms', 'p99Ms'].map((key) => ({
        label: key.replace('Ms', ''),
        values: groups.map((group) => (group ? group.timeToDeliver[key] : null)),
    })), (v) => duration(Math.round(v)), charts, 'duration');

    results.append(
        table('By operator', ['Operator', 'Messages', 'Share', 'Delivered', 'p50', 'p90', 'p99'],
            byOperator.groups.map((group) => [group.key || '(not reported)', group.messages, percent(group.share),
                percent(group.deliveryRate), duration(group.timeToDeliver.p50Ms),
                duration(group.timeToDeliver.p90Ms), duration(group.timeToDeliver.p99Ms)])),
        table('By status', ['Status', 'Messages'], statuses.map((status) => [status, overTime.statuses[status]])),
        table('Failure codes', ['Status', 'Code', 'Messages', 'Share'],
            overTime.failureCodes.map((failure) => [failure.status, failure.code ?? '—', failure.messages,
                percent(failure.share)])));
    rendered('statistics');

    // Then each operator over time: the API groups by one thing at a time, so one call per period.
    const operators = byOperator.groups.map((group) => group.key).filter(Boolean).slice(0, 6);
    const perPeriod = await inTurn(starts.map((start) => () => (left.now ? null : get('api/stats' + query({
        from: new Date(start).toISOString(), to: new Date(start + period.step).toISOString(), groupBy: 'operator',
    })))));
    if (left.now) {
        return;
    }
    fill(byOperatorChart);
    chart('Delivery rate, overall and by operator', starts, [
        { label: 'all', values: groups.map(rate) },
        ...operators.map((operator) => ({
            label: operator,
            values: perPeriod.map((stats) => rate(stats.groups.find((group) => group.key === operator))),
        })),
    ], (v) => `${Math.round(v * 100)} %`, byOperatorChart, 'share');
    rendered('statistics-by-operator');
}

export function render(main, { parameters }) {
    const chosen = PERIODS[parameters.get('period')] ? parameters.get('period') : 'week';
    const select = h('select', { id: 'stats-period', name: 'period' },
        Object.entries(PERIODS).map(([key, period]) => h('option', { value: key, selected: key === chosen },
            period.label)));
    const form = h('form', { class: 'filters' }, h('label', { for: 'stats-period' }, 'Period', select),
        h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Show')));
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        window.location.hash = `#/statistics?period=${select.value}`;
    });
    const results = h('section', { 'aria-label': 'Statistics' }, h('p', {}, 'Loading…'));
    main.append(h('h2', {}, 'Statistics'), form, results);
    const left = { now: false };
    load(PERIODS[chosen], results, left).catch((error) => {
        if (!results.querySelector('figure')) {
            fill(results, notice(`Cannot load the statistics: ${error.message}`));
        } else {
            results.append(notice(`Cannot load the figures by operator: ${error.message}`));
        }
    });
    return () => {
        left.now = true;
    };
}
