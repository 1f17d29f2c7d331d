// Recent messages, filtered and paged; their rows change as the server commits reports.
import { get, query } from './api.js';
import { fill, h, notice, rendered } from './dom.js';
import { duration, masked, statusClass, time } from './format.js';
import { onChanges } from './live.js';

const SIZE = 50;
const STATUSES = ['PENDING', 'SUBMITTED', 'Queued', 'Dispatched', 'Delivered', 'Failed', 'Expired', 'Rejected',
    'FAILED_TO_SUBMIT', 'TIMED_OUT'];
const FILTERS = ['status', 'batchId', 'recipient', 'clientReference', 'from', 'to'];

/** A datetime-local value (the reader's time) as an instant the API reads, and back. */
const toInstant = (local) => (local ? new Date(local).toISOString() : '');
const toLocal = (instant) => {
    if (!instant) {
        return '';
    }
    const date = new Date(instant);
    return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
};

function filterForm(parameters) {
    const field = (name, label, input) => h('label', { for: `filter-${name}` }, label, input);
    const text = (name, label, placeholder) => field(name, label,
        h('input', { id: `filter-${name}`, name, value: parameters.get(name) || '', placeholder }));
    const status = h('select', { id: 'filter-status', name: 'status' },
        h('option', { value: '' }, 'any'),
        STATUSES.map((each) => h('option', { value: each, selected: parameters.get('status') === each }, each)));
    const when = (name, label) => field(name, label,
        h('input', { id: `filter-${name}`, name, type: 'datetime-local', value: toLocal(parameters.get(name)) }));
    const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter messages' },
        field('status', 'Status', status),
        text('batchId', 'Batch', 'Sinch batch id'),
        text('recipient', 'Recipient', '+46701234567'),
        text('clientReference', 'Client reference', ''),
        when('from', 'Sent from'),
        when('to', 'Sent before'),
        h('div', { class: 'actions' },
            h('button', { type: 'submit' }, 'Filter'),
            h('a', { href: '#/messages', class: 'button secondary' }, 'Clear')));
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        const data = new FormData(form);
        const chosen = {};
        for (const name of FILTERS) {
            const value = String(data.get(name) || '').trim();
            chosen[name] = name === 'from' || name === 'to' ? toInstant(value) : value;
        }
        window.location.hash = '#/messages' + query(chosen);
    });
    return form;
}

function row(message, showNumber) {
    return h('tr', { 'data-id': message.id },
        h('td', {}, h('a', { href: `#/messages/${encodeURIComponent(message.id)}` },
            showNumber ? message.recipient : masked(message.recipient))),
        h('td', { 'data-cell': 'status' }, h('span', { class: statusClass(message.status) }, message.status)),
        h('td', { 'data-cell': 'code' }, message.code ?? '—'),
        h('td', {}, time(message.createdAt)),
        h('td', { 'data-cell': 'statusAt' }, time(message.statusAt)),
        h('td', { 'data-cell': 'deliveredAfter' }, duration(message.deliveredAfterMs)),
        h('td', { 'data-cell': 'operator' }, message.operator || '—'));
}

function update(tr, change) {
    fill(tr.querySelector('[data-cell=status]'), h('span', { class: statusClass(change.status) }, change.status));
    fill(tr.querySelector('[data-cell=code]'), change.code ?? '—');
    fill(tr.querySelector('[data-cell=statusAt]'), time(change.statusAt));
    fill(tr.querySelector('[data-cell=deliveredAfter]'), duration(change.deliveredAfterMs));
    fill(tr.querySelector('[data-cell=operator]'), change.operator || '—');
    tr.classList.remove('changed');
    void tr.offsetWidth; // restarts the highlight
    tr.classList.add('changed');
}

function pager(page, found, parameters) {
    const pages = Math.max(1, Math.ceil(found.total / SIZE));
    const link = (to, label) => {
        const next = new URLSearchParams(parameters);
        next.set('page', String(to));
        return h('a', { href: `#/messages?${next}`, class: 'button secondary' }, label);
    };
    return h('nav', { class: 'pager', 'aria-label': 'Pages of messages' },
        page > 0 ? link(page - 1, '← Newer') : null,
        h('span', {}, `Page ${page + 1} of ${pages} · ${found.total} messages`),
        page + 1 < pages ? link(page + 1, 'Older →') : null);
}

export function render(main, { parameters }) {
    const page = Math.max(0, Number.parseInt(parameters.get('page') || '0', 10) || 0);
    const results = h('section', { 'aria-label': 'Messages found' }, h('p', {}, 'Loading…'));
    main.append(h('h2', {}, 'Messages'), filterForm(parameters), results);
    const showNumber = Boolean(parameters.get('recipient'));
    let refresh = null;

    async function load() {
        const filters = Object.fromEntries(FILTERS.map((name) => [name, parameters.get(name)]));
        try {
            const found = await get('api/messages' + query({ ...filters, page, size: SIZE }));
            const rows = found.items.map((message) => row(message, showNumber));
            fill(results,
                rows.length
                    ? h('div', { class: 'scroll' }, h('table', { id: 'messages' },
                        h('caption', { class: 'hidden' }, 'Messages, newest first'),
                        h('thead', {}, h('tr', {}, ['Recipient', 'Status', 'Code', 'Sent', 'Last update',
                            'Time to deliver', 'Operator'].map((title) => h('th', { scope: 'col' }, title)))),
                        h('tbody', {}, rows)))
                    : h('p', {}, 'No message matches.'),
                pager(page, found, parameters));
            rendered('messages');
        } catch (error) {
            fill(results, notice(`Cannot load the messages: ${error.message}`));
        }
    }

    const stop = onChanges(({ reconnected, changes }) => {
        let unseen = reconnected;
        for (const change of changes) {
            const tr = results.querySelector(`tr[data-id="${CSS.escape(change.id)}"]`);
            if (tr) {
                update(tr, change);
            } else if (change.created && page === 0) {
                unseen = true;
            }
        }
        if (unseen && !refresh) {
            refresh = setTimeout(() => {
                refresh = null;
                load();
            }, 300);
        }
    });
    load();
    return () => {
        stop();
        clearTimeout(refresh);
    };
}
